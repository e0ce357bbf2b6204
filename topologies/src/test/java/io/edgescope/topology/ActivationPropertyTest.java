package io.edgescope.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgescope.app.OnnxSplitParts;
import io.edgescope.assets.SharedFolder;
import io.edgescope.detect.onnx.DetectorSettings;
import io.edgescope.registry.SchemaStore;
import io.edgescope.schemas.Activation;
import io.edgescope.schemas.Frame;
import io.edgescope.schemas.ImageEncoding;
import io.edgescope.schemas.StreamProfile;
import io.edgescope.schemas.VariantPolicy;
import io.edgescope.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Whatever arrives on the activations topic — the device's real activation, or one with a truncated,
 * random or bit-flipped payload, tensors of another cut, another transfer layer, impossible frame
 * sizes — the edge keeps going: detections for the good ones, a dead letter for every other.
 */
class ActivationPropertyTest {

    private static final String PLAN = "scissionlite:Mul_115:uint8+zstd";
    private static final String STREAM = "cam-s";
    private static final Instant NOW = Instant.ofEpochMilli(2_000_000L);
    private static final FrameLimits LIMITS = new FrameLimits(4_000_000, 10_000_000L);
    private static OnnxSplitParts parts;
    private static Activation good;

    enum Kind { GOOD, TRUNCATED, RANDOM_PAYLOAD, FLIPPED_BYTE, OTHER_CUT, OTHER_LAYER, ZERO_FRAME_SIZE, NEGATIVE_FRAME_SIZE }

    record Input(Kind kind, int position, byte[] noise) {
    }

    @BeforeContainer
    static void runTheDeviceOnce() throws Exception {
        Path shared = SharedFolder.find().orElseThrow();
        parts = new OnnxSplitParts("yolox-nano-416", Files.readAllBytes(shared.resolve("models/yolox_nano.onnx")), 416,
                new DetectorSettings(0.3f, 0.45f, 1, false));
        SchemaStore registry = SchemaStore.inMemory();
        try (TopologyTestDriver device = new TopologyTestDriver(DeviceTopology.build(LIMITS, registry, parts),
                TestDrivers.properties("activation-property-device", Files.createTempDirectory("activation-device")))) {
            profile(device, registry);
            byte[] jpeg = Files.readAllBytes(shared.resolve("datasets/PETS09-S2L1/img1/000001.jpg"));
            device.createInputTopic(Topics.FRAMES.name(), new StringSerializer(), Topics.FRAMES.valueSerde(registry).serializer())
                    .pipeInput(STREAM, Frame.newBuilder().setStreamId(STREAM).setSequence(0).setCaptureTime(NOW.minusMillis(100)).setWidth(768)
                            .setHeight(576).setEncoding(ImageEncoding.JPEG).setImage(ByteBuffer.wrap(jpeg)).setSource("test").build());
            good = device.createOutputTopic(Topics.ACTIVATIONS.name(), Topics.ACTIVATIONS.keySerde().deserializer(),
                    Topics.ACTIVATIONS.valueSerde(registry).deserializer()).readValue();
        }
    }

    private static void profile(TopologyTestDriver driver, SchemaStore registry) {
        driver.createInputTopic(Topics.STREAM_PROFILES.name(), new StringSerializer(), Topics.STREAM_PROFILES.valueSerde(registry).serializer())
                .pipeInput(STREAM, StreamProfile.newBuilder().setStreamId(STREAM).setPolicy(VariantPolicy.SPLIT).setSplitPlan(PLAN)
                        .setUpdatedAt(NOW).build());
    }

    @Provide
    Arbitrary<List<Input>> inputs() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(200)).as(Input::new).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 10)
    void shouldNeverDieAndAccountForEveryActivation(@ForAll("inputs") List<Input> inputs) throws Exception {
        SchemaStore registry = SchemaStore.inMemory();
        try (TopologyTestDriver edge = new TopologyTestDriver(DetectionTopology.build(LIMITS, VariantRules.none(), registry, new FakeDetectors(),
                DeadLetters.none(), RomaContext.disabled(), parts, Clock.fixed(NOW, ZoneOffset.UTC)),
                TestDrivers.properties("activation-property-edge", Files.createTempDirectory("activation-edge")))) {
            profile(edge, registry);
            TestInputTopic<String, Activation> in = edge.createInputTopic(Topics.ACTIVATIONS.name(), new StringSerializer(),
                    Topics.ACTIVATIONS.valueSerde(registry).serializer());
            long sequence = 0;
            for (Input input : inputs) {
                in.pipeInput(STREAM, mutate(input, sequence++));
            }
            int detections = edge.createOutputTopic(Topics.DETECTIONS.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer())
                    .readRecordsToList().size();
            int deadLetters = edge.createOutputTopic(Topics.FRAMES_DLQ.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer())
                    .readRecordsToList().size();
            long goods = inputs.stream().filter(i -> i.kind() == Kind.GOOD).count();
            assertThat(detections).as("detections for %s", inputs.stream().map(Input::kind).toList()).isEqualTo(goods);
            assertThat(detections + deadLetters).as("every activation accounted for").isEqualTo(inputs.size());
        }
    }

    private static Activation mutate(Input input, long sequence) {
        byte[] payload = new byte[good.getPayload().remaining()];
        good.getPayload().duplicate().get(payload);
        Activation.Builder a = Activation.newBuilder(good).setSequence(sequence);
        switch (input.kind()) {
            case GOOD -> { }
            case TRUNCATED -> a.setPayload(ByteBuffer.wrap(Arrays.copyOf(payload, input.position() % payload.length)));
            case RANDOM_PAYLOAD -> a.setPayload(ByteBuffer.wrap(input.noise()));
            case FLIPPED_BYTE -> {
                // the zstd frame header and the tensor header, where a flip cannot go unnoticed
                int at = input.position() % Math.min(payload.length, 16);
                payload[at] = (byte) ~payload[at];
                a.setPayload(ByteBuffer.wrap(payload));
            }
            case OTHER_CUT -> a.setPlanId("scissionlite:Mul_196:uint8+zstd");
            case OTHER_LAYER -> a.setPlanId("scissionlite:Mul_115:fp16");
            case ZERO_FRAME_SIZE -> a.setFrameWidth(0).setFrameHeight(0);
            case NEGATIVE_FRAME_SIZE -> a.setFrameWidth(-768).setFrameHeight(576);
        }
        return a.build();
    }
}
