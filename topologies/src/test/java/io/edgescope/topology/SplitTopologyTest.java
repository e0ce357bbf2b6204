package io.edgescope.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgescope.app.OnnxSplitParts;
import io.edgescope.assets.SharedFolder;
import io.edgescope.detect.BgrImage;
import io.edgescope.detect.Detection;
import io.edgescope.detect.Detector;
import io.edgescope.detect.onnx.DetectorSettings;
import io.edgescope.detect.onnx.ModelFamily;
import io.edgescope.detect.onnx.OnnxDetectorModel;
import io.edgescope.image.ImageCodec;
import io.edgescope.registry.SchemaStore;
import io.edgescope.schemas.Activation;
import io.edgescope.schemas.Detections;
import io.edgescope.schemas.Frame;
import io.edgescope.schemas.ImageEncoding;
import io.edgescope.schemas.StreamProfile;
import io.edgescope.schemas.VariantPolicy;
import io.edgescope.split.EmulatedDevice;
import io.edgescope.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A split stream through the device topology and the edge (detection) topology, with the real detector cut after Mul_115. */
class SplitTopologyTest {

    private static final String PLAN = "scissionlite:Mul_115:uint8+zstd";
    private static final DetectorSettings SETTINGS = new DetectorSettings(0.3f, 0.45f, 1, false);
    private static final Instant NOW = Instant.ofEpochMilli(2_000_000L);

    @TempDir
    Path stateDir;
    private final SchemaStore registry = SchemaStore.inMemory();
    private final Path shared = SharedFolder.find().orElseThrow();
    private TopologyTestDriver device;
    private OnnxSplitParts parts;
    private TopologyTestDriver edge;
    private byte[] jpeg;

    @BeforeEach
    void start() throws Exception {
        byte[] model = Files.readAllBytes(shared.resolve("models/yolox_nano.onnx"));
        parts = new OnnxSplitParts("yolox-nano-416", model, 416, SETTINGS);
        FrameLimits limits = new FrameLimits(4_000_000, 10_000_000L);
        device = new TopologyTestDriver(DeviceTopology.build(limits, registry, parts),
                TestDrivers.properties("split-device-test", stateDir.resolve("device")));
        edge = new TopologyTestDriver(DetectionTopology.build(limits, VariantRules.none(), registry, new FakeDetectors(), DeadLetters.none(),
                RomaContext.disabled(), parts, Clock.fixed(NOW, ZoneOffset.UTC)), TestDrivers.properties("split-edge-test", stateDir.resolve("edge")));
        jpeg = Files.readAllBytes(shared.resolve("datasets/PETS09-S2L1/img1/000001.jpg"));
        for (TopologyTestDriver d : List.of(device, edge)) {
            d.createInputTopic(Topics.STREAM_PROFILES.name(), new StringSerializer(), Topics.STREAM_PROFILES.valueSerde(registry).serializer())
                    .pipeInput("cam-s", StreamProfile.newBuilder().setStreamId("cam-s").setPolicy(VariantPolicy.SPLIT).setSplitPlan(PLAN)
                            .setUpdatedAt(NOW).build());
        }
    }

    @AfterEach
    void stop() {
        device.close();
        edge.close();
    }

    private static Frame frame(String stream, byte[] image) {
        return Frame.newBuilder().setStreamId(stream).setSequence(0).setCaptureTime(NOW.minusMillis(100)).setWidth(768).setHeight(576)
                .setEncoding(ImageEncoding.JPEG).setImage(ByteBuffer.wrap(image)).setSource("test").build();
    }

    private TestOutputTopic<String, Activation> activations() {
        return device.createOutputTopic(Topics.ACTIVATIONS.name(), Topics.ACTIVATIONS.keySerde().deserializer(),
                Topics.ACTIVATIONS.valueSerde(registry).deserializer());
    }

    private TestOutputTopic<String, Detections> detections() {
        return edge.createOutputTopic(Topics.DETECTIONS.name(), Topics.DETECTIONS.keySerde().deserializer(),
                Topics.DETECTIONS.valueSerde(registry).deserializer());
    }

    @Test
    void shouldDetectOnTheEdgeWhatTheWholeDetectorFindsFromTheDevicesActivations() throws Exception {
        device.createInputTopic(Topics.FRAMES.name(), new StringSerializer(), Topics.FRAMES.valueSerde(registry).serializer())
                .pipeInput("cam-s", frame("cam-s", jpeg));
        Activation a = activations().readValue();
        assertThat(a.getPlanId()).isEqualTo(PLAN);
        assertThat(a.getPayload().remaining()).isLessThan(64 * 52 * 52 * Float.BYTES / 4);

        edge.createInputTopic(Topics.ACTIVATIONS.name(), new StringSerializer(), Topics.ACTIVATIONS.valueSerde(registry).serializer())
                .pipeInput("cam-s", a);
        Detections split = detections().readValue();
        assertThat(split.getVariantId()).isEqualTo("yolox-nano-416@" + PLAN);
        assertThat(split.getLatencyMillis()).isEqualTo(100f);
        List<Detection> whole;
        BgrImage image = new ImageCodec(10_000_000L).decode(jpeg);
        try (OnnxDetectorModel model = OnnxDetectorModel.load(shared.resolve("models/yolox_nano.onnx"), ModelFamily.YOLOX, SETTINGS);
             Detector d = model.newDetector()) {
            whole = d.detect(image).detections();
        }
        assertThat(split.getBoxes()).hasSize(whole.size());
        for (int i = 0; i < whole.size(); i++) {
            assertThat(split.getBoxes().get(i).getX()).isCloseTo(whole.get(i).x(), within(1.5f));
        }
    }

    @Test
    void shouldTellOnTheDetectionsHowLongTheFrameTookToReachTheDeviceAndTheActivationTheEdge() {
        // captured at NOW - 100 ms, on the device at NOW - 70 ms, on the edge at NOW
        try (TopologyTestDriver stamped = new TopologyTestDriver(DeviceTopology.build(new FrameLimits(4_000_000, 10_000_000L), registry, parts,
                EmulatedDevice.NONE, Clock.fixed(NOW.minusMillis(70), ZoneOffset.UTC)), TestDrivers.properties("split-device-stamp-test",
                stateDir.resolve("stamp")))) {
            stamped.createInputTopic(Topics.STREAM_PROFILES.name(), new StringSerializer(), Topics.STREAM_PROFILES.valueSerde(registry).serializer())
                    .pipeInput("cam-s", StreamProfile.newBuilder().setStreamId("cam-s").setPolicy(VariantPolicy.SPLIT).setSplitPlan(PLAN)
                            .setUpdatedAt(NOW).build());
            stamped.createInputTopic(Topics.FRAMES.name(), new StringSerializer(), Topics.FRAMES.valueSerde(registry).serializer())
                    .pipeInput("cam-s", frame("cam-s", jpeg));
            org.apache.kafka.streams.test.TestRecord<String, Activation> a = stamped.createOutputTopic(Topics.ACTIVATIONS.name(),
                    Topics.ACTIVATIONS.keySerde().deserializer(), Topics.ACTIVATIONS.valueSerde(registry).deserializer()).readRecord();
            assertThat(headerText(a.headers(), SplitRecords.DEVICE_IN_HEADER)).isEqualTo(Long.toString(NOW.minusMillis(70).toEpochMilli()));
            edge.createInputTopic(Topics.ACTIVATIONS.name(), new StringSerializer(), Topics.ACTIVATIONS.valueSerde(registry).serializer())
                    .pipeInput(new org.apache.kafka.streams.test.TestRecord<>("cam-s", a.value(), a.headers()));
            org.apache.kafka.streams.test.TestRecord<String, Detections> d = detections().readRecord();
            assertThat(headerText(d.headers(), SplitRecords.FRAME_WAIT_HEADER)).isEqualTo("30");
            assertThat(headerText(d.headers(), SplitRecords.ACTIVATION_WAIT_HEADER)).isEqualTo("70");
        }
    }

    private static String headerText(org.apache.kafka.common.header.Headers headers, String name) {
        org.apache.kafka.common.header.Header h = headers.lastHeader(name);
        return h == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void shouldLeaveFramesOfOtherStreamsToTheDetectionTopologyAndFramesOfSplitStreamsToTheDevice() {
        device.createInputTopic(Topics.FRAMES.name(), new StringSerializer(), Topics.FRAMES.valueSerde(registry).serializer())
                .pipeInput("cam-plain", frame("cam-plain", jpeg));
        assertThat(activations().isEmpty()).isTrue();
        edge.createInputTopic(Topics.FRAMES.name(), new StringSerializer(), Topics.FRAMES.valueSerde(registry).serializer())
                .pipeInput("cam-s", frame("cam-s", jpeg));
        assertThat(detections().isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterAnActivationWithAnUnknownCutOrACorruptPayload() {
        TestInputTopic<String, Activation> in = edge.createInputTopic(Topics.ACTIVATIONS.name(), new StringSerializer(),
                Topics.ACTIVATIONS.valueSerde(registry).serializer());
        Activation.Builder bad = Activation.newBuilder().setStreamId("cam-s").setSequence(1).setCaptureTime(NOW).setVariantId("yolox-nano-416")
                .setFrameWidth(768).setFrameHeight(576).setHeadMillis(1).setEncodeMillis(1);
        in.pipeInput("cam-s", bad.setPlanId("scission:NoSuchNode").setPayload(ByteBuffer.wrap(new byte[8])).build());
        in.pipeInput("cam-s", bad.setPlanId(PLAN).setPayload(ByteBuffer.wrap(new byte[] {1, 2, 3})).build());
        TestOutputTopic<byte[], byte[]> dead = edge.createOutputTopic(Topics.FRAMES_DLQ.name(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        List<TestRecord<byte[], byte[]>> records = dead.readRecordsToList();
        assertThat(records).hasSize(2);
        assertThat(new String(records.get(0).headers().lastHeader("__streams.errors.message").value(), StandardCharsets.UTF_8))
                .contains("cannot be cut after 'NoSuchNode'");
        assertThat(new String(records.get(0).headers().lastHeader("__streams.errors.topic").value(), StandardCharsets.UTF_8))
                .isEqualTo(Topics.ACTIVATIONS.name());
        assertThat(detections().isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterAFrameWhosePlanSendsMoreThanTheRecordLimitAndCarryOn() {
        // raw float32 after Sigmoid_42 (about 5.5 MB of tensors) is over a 2 MB limit; the next frame's plan fits
        FrameLimits small = new FrameLimits(2_000_000, 10_000_000L);
        try (TopologyTestDriver limited = new TopologyTestDriver(DeviceTopology.build(small, registry, parts),
                TestDrivers.properties("split-device-limit-test", stateDir.resolve("limited")))) {
            TestInputTopic<String, StreamProfile> profiles = limited.createInputTopic(Topics.STREAM_PROFILES.name(), new StringSerializer(),
                    Topics.STREAM_PROFILES.valueSerde(registry).serializer());
            TestInputTopic<String, Frame> frames = limited.createInputTopic(Topics.FRAMES.name(), new StringSerializer(),
                    Topics.FRAMES.valueSerde(registry).serializer());
            profiles.pipeInput("cam-s", StreamProfile.newBuilder().setStreamId("cam-s").setPolicy(VariantPolicy.SPLIT)
                    .setSplitPlan("scission:Sigmoid_42").setUpdatedAt(NOW).build());
            frames.pipeInput("cam-s", frame("cam-s", jpeg));
            profiles.pipeInput("cam-s", StreamProfile.newBuilder().setStreamId("cam-s").setPolicy(VariantPolicy.SPLIT).setSplitPlan(PLAN)
                    .setUpdatedAt(NOW).build());
            frames.pipeInput("cam-s", frame("cam-s", jpeg));

            List<TestRecord<byte[], byte[]>> dead = limited.createOutputTopic(Topics.FRAMES_DLQ.name(), new ByteArrayDeserializer(),
                    new ByteArrayDeserializer()).readRecordsToList();
            assertThat(dead).hasSize(1);
            assertThat(new String(dead.get(0).headers().lastHeader("__streams.errors.message").value(), StandardCharsets.UTF_8))
                    .contains("plan scission:Sigmoid_42", "over max.frame.bytes=2000000");
            assertThat(limited.createOutputTopic(Topics.ACTIVATIONS.name(), Topics.ACTIVATIONS.keySerde().deserializer(),
                    Topics.ACTIVATIONS.valueSerde(registry).deserializer()).readValuesToList())
                    .singleElement().satisfies(a -> assertThat(a.getPlanId()).isEqualTo(PLAN));
        }
    }

    @Test
    void shouldKeepAnEmulatedSlowDeviceBusyForAsLongAsItReports() {
        try (TopologyTestDriver slow = new TopologyTestDriver(DeviceTopology.build(new FrameLimits(4_000_000, 10_000_000L), registry, parts,
                new EmulatedDevice(4), Clock.systemUTC()), TestDrivers.properties("split-device-slow-test", stateDir.resolve("slow")))) {
            slow.createInputTopic(Topics.STREAM_PROFILES.name(), new StringSerializer(), Topics.STREAM_PROFILES.valueSerde(registry).serializer())
                    .pipeInput("cam-s", StreamProfile.newBuilder().setStreamId("cam-s").setPolicy(VariantPolicy.SPLIT).setSplitPlan(PLAN)
                            .setUpdatedAt(NOW).build());
            TestInputTopic<String, Frame> frames = slow.createInputTopic(Topics.FRAMES.name(), new StringSerializer(),
                    Topics.FRAMES.valueSerde(registry).serializer());
            frames.pipeInput("cam-s", frame("cam-s", jpeg)); // warm-up
            long t0 = System.nanoTime();
            frames.pipeInput("cam-s", frame("cam-s", jpeg));
            double wallMillis = (System.nanoTime() - t0) / 1e6;
            List<Activation> out = slow.createOutputTopic(Topics.ACTIVATIONS.name(), Topics.ACTIVATIONS.keySerde().deserializer(),
                    Topics.ACTIVATIONS.valueSerde(registry).deserializer()).readValuesToList();
            Activation a = out.get(1);
            // the device reports 4x its own times, and was busy at least that long
            assertThat(wallMillis).isGreaterThanOrEqualTo(a.getHeadMillis() + a.getEncodeMillis());
        }
    }
}
