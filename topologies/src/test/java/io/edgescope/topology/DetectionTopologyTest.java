package io.edgescope.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgescope.registry.SchemaStore;
import io.edgescope.schemas.Detections;
import io.edgescope.schemas.Frame;
import io.edgescope.schemas.StreamProfile;
import io.edgescope.schemas.VariantPolicy;
import io.edgescope.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectionTopologyTest {

    private static final int MAX_FRAME_BYTES = 50_000;
    private static final long MAX_PIXELS = 1_000_000L;
    private static final Instant NOW = Instant.ofEpochMilli(1_000_500L);

    @TempDir
    Path stateDir;
    private final SchemaStore registry = SchemaStore.inMemory();
    private final FakeDetectors detectors = new FakeDetectors();
    private final List<String> refusedProfiles = new java.util.ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, Frame> frames;
    private TestInputTopic<String, byte[]> rawFrames;
    private TestOutputTopic<String, Detections> detections;
    private TestOutputTopic<byte[], byte[]> deadLetters;
    private TestInputTopic<String, StreamProfile> profiles;

    @BeforeEach
    void start() {
        Properties props = TestDrivers.properties("detection-topology-test", stateDir);
        driver = new TopologyTestDriver(DetectionTopology.build(new FrameLimits(MAX_FRAME_BYTES, MAX_PIXELS),
                VariantRules.parse("lobby-*=yolox-nano-256,@site:dock*=yolox-nano-640,topic:edgescope.frames.yard=yolox-nano-320",
                        detectors::knows), registry, detectors,
                (topic, partition, offset, key, value, reason) -> refusedProfiles.add(topic + "|" + new String(key, StandardCharsets.UTF_8)
                        + "|" + reason.getMessage()), Clock.fixed(NOW, ZoneOffset.UTC)), props);
        profiles = driver.createInputTopic(Topics.STREAM_PROFILES.name(), new StringSerializer(),
                Topics.STREAM_PROFILES.valueSerde(registry).serializer());
        frames = driver.createInputTopic(Topics.FRAMES.name(), new StringSerializer(),
                Topics.FRAMES.valueSerde(registry).serializer());
        rawFrames = driver.createInputTopic(Topics.FRAMES.name(), new StringSerializer(), new ByteArraySerializer());
        detections = driver.createOutputTopic(Topics.DETECTIONS.name(), Topics.DETECTIONS.keySerde().deserializer(),
                Topics.DETECTIONS.valueSerde(registry).deserializer());
        deadLetters = driver.createOutputTopic(Topics.FRAMES_DLQ.name(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void shouldPublishOneDetectionsRecordPerFrameInOrder() {
        byte[] jpeg = TestFrames.jpeg(TestFrames.WIDTH, TestFrames.HEIGHT);
        for (long seq = 0; seq < 3; seq++) {
            frames.pipeInput("cam-1", TestFrames.frame("cam-1", seq, jpeg));
        }
        List<TestRecord<String, Detections>> out = detections.readRecordsToList();
        assertThat(out).extracting(TestRecord::key).containsOnly("cam-1");
        assertThat(out).extracting(r -> r.value().getSequence()).containsExactly(0L, 1L, 2L);
        Detections first = out.get(0).value();
        assertThat(first.getVariantId()).isEqualTo(FakeDetectors.DEFAULT);
        assertThat(first.getFrameWidth()).isEqualTo(TestFrames.WIDTH);
        assertThat(first.getBoxes()).hasSize(1);
        assertThat(first.getBoxes().get(0).getWidth()).isEqualTo(TestFrames.WIDTH / 2f);
        assertThat(first.getLatencyMillis()).isEqualTo(500f);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldSendCorruptImageToDeadLetterTopicAndKeepGoing() {
        byte[] jpeg = TestFrames.jpeg(TestFrames.WIDTH, TestFrames.HEIGHT);
        byte[] truncated = java.util.Arrays.copyOf(jpeg, jpeg.length / 3);
        frames.pipeInput("cam-1", TestFrames.frame("cam-1", 0, truncated));
        frames.pipeInput("cam-1", TestFrames.frame("cam-1", 1, jpeg));

        assertThat(detections.readValuesToList()).extracting(Detections::getSequence).containsExactly(1L);
        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("cam-1");
        assertThat(header(dead.headers(), "__streams.errors.topic")).isEqualTo(Topics.FRAMES.name());
        assertThat(header(dead.headers(), "__streams.errors.message")).isNotBlank();
    }

    @Test
    void shouldSendEmptyAndOversizeFramesToDeadLetterTopic() {
        frames.pipeInput("cam-2", TestFrames.frame("cam-2", 0, new byte[0]));
        frames.pipeInput("cam-2", TestFrames.frame("cam-2", 1, new byte[MAX_FRAME_BYTES + 1]));

        assertThat(detections.isEmpty()).isTrue();
        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).hasSize(2);
        assertThat(header(dead.get(0).headers(), "__streams.errors.message")).contains("empty image");
        assertThat(header(dead.get(1).headers(), "__streams.errors.message")).contains("over max.frame.bytes");
        assertThat(detectors.calls()).isZero();
    }

    @Test
    void shouldSendUndecodableRecordsToDeadLetterTopic() {
        rawFrames.pipeInput("cam-3", "not avro".getBytes(StandardCharsets.UTF_8));
        rawFrames.pipeInput("cam-3", new byte[] {0, 0, 0, 0x7f, 0x7f, 1, 2});

        assertThat(detections.isEmpty()).isTrue();
        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).hasSize(2);
        assertThat(header(dead.get(0).headers(), "__streams.errors.message")).contains("magic byte");
        assertThat(header(dead.get(1).headers(), "__streams.errors.message")).contains("Unknown schema id");
    }

    @Test
    void shouldNameEveryOperator() {
        String description = DetectionTopology.build(new FrameLimits(1, 1), registry, detectors, Clock.systemUTC())
                .describe().toString();
        assertThat(description).doesNotContain("KSTREAM-").contains(DetectionTopology.DETECT);
    }

    @Test
    void shouldSwitchVariantAtTheFirstFrameAfterTheProfileChange() {
        byte[] jpeg = TestFrames.jpeg(TestFrames.WIDTH, TestFrames.HEIGHT);
        frames.pipeInput("cam-1", TestFrames.frame("cam-1", 0, jpeg));
        frames.pipeInput("cam-2", TestFrames.frame("cam-2", 0, jpeg));
        profiles.pipeInput("cam-1", profile("cam-1", "yolox-nano-320"));
        frames.pipeInput("cam-1", TestFrames.frame("cam-1", 1, jpeg));
        frames.pipeInput("cam-2", TestFrames.frame("cam-2", 1, jpeg));

        assertThat(detections.readValuesToList()).extracting(d -> d.getStreamId() + "#" + d.getSequence() + "=" + d.getVariantId())
                .containsExactly("cam-1#0=yolox-nano-416", "cam-2#0=yolox-nano-416", "cam-1#1=yolox-nano-320",
                        "cam-2#1=yolox-nano-416");
    }

    @Test
    void shouldTakeTheDefaultVariantFromStreamRulesUntilAProfileOverridesIt() {
        byte[] jpeg = TestFrames.jpeg(TestFrames.WIDTH, TestFrames.HEIGHT);
        detectors.prepare("yolox-nano-256");
        frames.pipeInput("lobby-1", TestFrames.frame("lobby-1", 0, jpeg));
        profiles.pipeInput("lobby-1", profile("lobby-1", "yolox-nano-320"));
        frames.pipeInput("lobby-1", TestFrames.frame("lobby-1", 1, jpeg));

        assertThat(detections.readValuesToList()).extracting(Detections::getVariantId)
                .containsExactly("yolox-nano-256", "yolox-nano-320");
    }

    @Test
    void shouldTakeTheDefaultVariantFromAHeaderRule() {
        byte[] jpeg = TestFrames.jpeg(TestFrames.WIDTH, TestFrames.HEIGHT);
        detectors.prepare("yolox-nano-640");
        org.apache.kafka.common.header.internals.RecordHeaders headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add("site", "dock-2".getBytes(StandardCharsets.UTF_8));
        frames.pipeInput(new TestRecord<>("cam-9", TestFrames.frame("cam-9", 0, jpeg), headers));
        frames.pipeInput("cam-9", TestFrames.frame("cam-9", 1, jpeg));

        assertThat(detections.readValuesToList()).extracting(Detections::getVariantId)
                .containsExactly("yolox-nano-640", "yolox-nano-416");
    }

    @Test
    void shouldReadSiteFrameTopicsAndMatchTopicRules() {
        byte[] jpeg = TestFrames.jpeg(TestFrames.WIDTH, TestFrames.HEIGHT);
        detectors.prepare("yolox-nano-320");
        TestInputTopic<String, Frame> yard = driver.createInputTopic(Topics.frameTopic("yard"), new StringSerializer(),
                Topics.FRAMES.valueSerde(registry).serializer());
        yard.pipeInput("cam-y", TestFrames.frame("cam-y", 0, jpeg));
        frames.pipeInput("cam-y", TestFrames.frame("cam-y", 1, jpeg));

        assertThat(detections.readValuesToList()).extracting(Detections::getVariantId)
                .containsExactly("yolox-nano-320", "yolox-nano-416");
    }

    @Test
    void shouldKeepTheLastVariantUntilTheNewOneIsLoaded() {
        byte[] jpeg = TestFrames.jpeg(TestFrames.WIDTH, TestFrames.HEIGHT);
        detectors.holdLoads = true;
        profiles.pipeInput("cam-1", profile("cam-1", "yolox-nano-640"));
        frames.pipeInput("cam-1", TestFrames.frame("cam-1", 0, jpeg));
        detectors.finishLoads();
        frames.pipeInput("cam-1", TestFrames.frame("cam-1", 1, jpeg));

        assertThat(detections.readValuesToList()).extracting(Detections::getVariantId)
                .containsExactly("yolox-nano-416", "yolox-nano-640");
        assertThat(detectors.requested).contains("yolox-nano-640");
    }

    @Test
    void shouldDeadLetterAProfileWithAnUnknownVariantAndKeepTheLastGoodOne() {
        byte[] jpeg = TestFrames.jpeg(TestFrames.WIDTH, TestFrames.HEIGHT);
        profiles.pipeInput("cam-1", profile("cam-1", "yolox-nano-320"));
        profiles.pipeInput("cam-1", profile("cam-1", "resnet-9000"));
        frames.pipeInput("cam-1", TestFrames.frame("cam-1", 0, jpeg));

        assertThat(detections.readValuesToList()).extracting(Detections::getVariantId).containsExactly("yolox-nano-320");
        assertThat(refusedProfiles).singleElement().asString().startsWith(Topics.STREAM_PROFILES.name() + "|cam-1|")
                .contains("unknown variant 'resnet-9000'");
    }

    @Test
    void shouldDeadLetterAProfileWhoseVariantFailsToLoadAndKeepTheCurrentVariant() {
        byte[] jpeg = TestFrames.jpeg(TestFrames.WIDTH, TestFrames.HEIGHT);
        detectors.failing.add("yolox-nano-512");
        profiles.pipeInput("cam-1", profile("cam-1", "yolox-nano-512"));
        frames.pipeInput("cam-1", TestFrames.frame("cam-1", 0, jpeg));

        assertThat(detections.readValuesToList()).extracting(Detections::getVariantId).containsExactly("yolox-nano-416");
        assertThat(refusedProfiles).anyMatch(r -> r.contains("failed to load (model file is corrupt)"));
    }

    @Test
    void shouldDeadLetterAnUnreadableProfile() {
        TestInputTopic<String, byte[]> rawProfiles = driver.createInputTopic(Topics.STREAM_PROFILES.name(), new StringSerializer(),
                new ByteArraySerializer());
        rawProfiles.pipeInput("cam-1", "not a profile".getBytes(StandardCharsets.UTF_8));
        frames.pipeInput("cam-1", TestFrames.frame("cam-1", 0, TestFrames.jpeg(TestFrames.WIDTH, TestFrames.HEIGHT)));

        assertThat(refusedProfiles).singleElement().asString().contains("unreadable profile").contains("magic byte");
        assertThat(detections.readValuesToList()).extracting(Detections::getVariantId).containsExactly("yolox-nano-416");
    }

    @Test
    void shouldKeepOnlyTheProfilesClassesOfInterest() {
        byte[] jpeg = TestFrames.jpeg(TestFrames.WIDTH, TestFrames.HEIGHT);
        StreamProfile carsOnly = profile("cam-1", FakeDetectors.DEFAULT);
        carsOnly.setClasses(java.util.List.of("car"));
        profiles.pipeInput("cam-1", carsOnly);
        frames.pipeInput("cam-1", TestFrames.frame("cam-1", 0, jpeg));
        frames.pipeInput("cam-2", TestFrames.frame("cam-2", 0, jpeg));

        List<Detections> out = detections.readValuesToList();
        assertThat(out.get(0).getBoxes()).isEmpty();
        assertThat(out.get(1).getBoxes()).extracting(b -> b.getLabel()).containsExactly("person");
    }

    @Test
    void shouldDetectOnlyInTheRegionOfInterestAndReportFramePixels() {
        byte[] jpeg = TestFrames.jpeg(TestFrames.WIDTH, TestFrames.HEIGHT);
        StreamProfile withRoi = profile("cam-1", FakeDetectors.DEFAULT);
        withRoi.setRoi(new io.edgescope.schemas.RegionOfInterest(32, 8, 20, 40));
        profiles.pipeInput("cam-1", withRoi);
        frames.pipeInput("cam-1", TestFrames.frame("cam-1", 0, jpeg));

        // the fake detector reports the left half of the image it is given: here the 20x40 region at (32, 8)
        io.edgescope.schemas.BoundingBox box = detections.readValue().getBoxes().get(0);
        assertThat(box.getX()).isEqualTo(32f);
        assertThat(box.getY()).isEqualTo(8f);
        assertThat(box.getWidth()).isEqualTo(10f);
        assertThat(box.getHeight()).isEqualTo(40f);
    }

    private static StreamProfile profile(String stream, String variant) {
        return StreamProfile.newBuilder().setStreamId(stream).setPolicy(VariantPolicy.FIXED).setVariantId(variant)
                .setUpdatedAt(Instant.ofEpochMilli(1)).build();
    }

    private static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
