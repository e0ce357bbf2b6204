package io.edgescope.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgescope.registry.SchemaStore;
import io.edgescope.roma.AccuracyProfile;
import io.edgescope.roma.RomaSettings;
import io.edgescope.roma.SizeBuckets;
import io.edgescope.roma.VariantAccuracy;
import io.edgescope.schemas.Delivery;
import io.edgescope.schemas.Detections;
import io.edgescope.schemas.Frame;
import io.edgescope.schemas.RomaDecision;
import io.edgescope.schemas.StreamProfile;
import io.edgescope.schemas.Telemetry;
import io.edgescope.schemas.VariantPolicy;
import io.edgescope.topics.Topics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ROMA streams in the detection topology: switching on measured latency, skipping stale frames, telemetry windows. */
class RomaTopologyTest {

    private static final String FAST = "yolox-nano-320";
    private static final String ACCURATE = "yolox-nano-640";
    private static final double FAST_MS = 10;
    private static final double ACCURATE_MS = 40;
    private static final float FPS = 10;
    private static final long INTERVAL_MS = 100;
    private static final long START = 1_000_000L;
    private static final int STEP_PX = 4;
    private static final int WRAP_PX = 48;
    private static final SizeBuckets ONE_BUCKET = new SizeBuckets(List.of(0.5));
    private static final RomaSettings SETTINGS = new RomaSettings(5, 0.02, 0.25, 0.3, 0.9, 5, 100, 0.02, 0.65, 2.0, 0, 0, 0);

    @TempDir
    Path stateDir;
    private final SchemaStore registry = SchemaStore.inMemory();
    private final FakeDetectors detectors = new FakeDetectors();
    private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(START));
    private final byte[] jpeg = TestFrames.jpeg(TestFrames.WIDTH, TestFrames.HEIGHT);
    private TopologyTestDriver driver;
    private TestInputTopic<String, Frame> frames;
    private TestInputTopic<String, StreamProfile> profiles;
    private TestOutputTopic<String, Detections> detections;
    private TestOutputTopic<String, RomaDecision> decisions;
    private TestOutputTopic<String, Telemetry> telemetry;
    private long sequence;

    @BeforeEach
    void start() {
        AccuracyProfile profile = AccuracyProfile.of(ONE_BUCKET, List.of(
                new VariantAccuracy(FAST, 0.70, new double[] {0.70, 0.70}, new double[] {0.8, 0.8}, FAST_MS),
                new VariantAccuracy(ACCURATE, 0.80, new double[] {0.80, 0.80}, new double[] {0.9, 0.9}, ACCURATE_MS)));
        driver = new TopologyTestDriver(DetectionTopology.build(new FrameLimits(50_000, 1_000_000L), VariantRules.none(), registry,
                detectors, DeadLetters.none(), RomaContext.of(profile, SETTINGS), clock), TestDrivers.properties("roma-topology-test", stateDir));
        profiles = driver.createInputTopic(Topics.STREAM_PROFILES.name(), new StringSerializer(),
                Topics.STREAM_PROFILES.valueSerde(registry).serializer());
        frames = driver.createInputTopic(Topics.FRAMES.name(), new StringSerializer(), Topics.FRAMES.valueSerde(registry).serializer());
        detections = driver.createOutputTopic(Topics.DETECTIONS.name(), Topics.DETECTIONS.keySerde().deserializer(),
                Topics.DETECTIONS.valueSerde(registry).deserializer());
        decisions = driver.createOutputTopic(Topics.ROMA_DECISIONS.name(), Topics.ROMA_DECISIONS.keySerde().deserializer(),
                Topics.ROMA_DECISIONS.valueSerde(registry).deserializer());
        telemetry = driver.createOutputTopic(Topics.TELEMETRY.name(), Topics.TELEMETRY.keySerde().deserializer(),
                Topics.TELEMETRY.valueSerde(registry).deserializer());
        detectors.prepare(FAST);
        detectors.prepare(ACCURATE);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void profile(String stream, VariantPolicy policy) {
        profiles.pipeInput(stream, StreamProfile.newBuilder().setStreamId(stream).setPolicy(policy).setTargetFps(FPS)
                .setUpdatedAt(Instant.ofEpochMilli(START)).build());
    }

    /** Sends {@code n} frames 100 ms apart, each processed {@code ageMs} after capture, with a person walking right 0.25 box per frame. */
    private void frames(String stream, int n, long ageMs) {
        for (int i = 0; i < n; i++, sequence++) {
            Instant captured = Instant.ofEpochMilli(START + sequence * INTERVAL_MS);
            clock.set(captured.plusMillis(ageMs));
            detectors.loaded.values().forEach(d -> d.boxAt = (int) (sequence * STEP_PX % WRAP_PX));
            Frame f = TestFrames.frame(stream, sequence, jpeg);
            f.setCaptureTime(captured);
            frames.pipeInput(stream, f, captured);
        }
    }

    /** The host load: the variants' latencies as measured, {@code factor} times their profiled latency. */
    private void load(double factor) {
        detectors.loaded.get(FAST).latencyMillis = FAST_MS * factor;
        detectors.loaded.get(ACCURATE).latencyMillis = ACCURATE_MS * factor;
    }

    private List<String> variantsRun() {
        return detections.readValuesToList().stream().map(Detections::getVariantId).toList();
    }

    @Test
    void shouldSwitchToALighterVariantWhenLatencyRisesAndBackWhenItFalls() {
        profile("cam-r", VariantPolicy.ROMA);
        load(1);
        frames("cam-r", 20, 5);
        assertThat(variantsRun().subList(10, 20)).containsOnly(ACCURATE);

        load(6);
        frames("cam-r", 20, 5);
        assertThat(variantsRun().subList(10, 20)).containsOnly(FAST);

        load(1);
        frames("cam-r", 20, 5);
        assertThat(variantsRun().subList(10, 20)).containsOnly(ACCURATE);

        List<RomaDecision> made = decisions.readValuesToList();
        assertThat(made).filteredOn(d -> !d.getFromVariant().equals(d.getToVariant()))
                .extracting(RomaDecision::getToVariant).containsSubsequence(FAST, ACCURATE);
        assertThat(made.get(0).getEstimates()).extracting(e -> e.getVariantId()).containsExactlyInAnyOrder(FAST, ACCURATE);
    }

    @Test
    void shouldDropStaleFramesWhenBusy() {
        profile("cam-r", VariantPolicy.ROMA);
        frames("cam-r", 3, 5);
        frames("cam-r", 4, 5 * INTERVAL_MS);
        frames("cam-r", 3, 5);
        assertThat(detections.readValuesToList()).extracting(Detections::getSequence).containsExactly(0L, 1L, 2L, 7L, 8L, 9L);
    }

    /** A stream of {@code delivery} whose detector takes three frame intervals per frame: the clock runs as the frames would. */
    private List<Detections> overloaded(String stream, Delivery delivery, int n) {
        profiles.pipeInput(stream, StreamProfile.newBuilder().setStreamId(stream).setPolicy(VariantPolicy.FIXED)
                .setVariantId(FakeDetectors.DEFAULT).setTargetFps(FPS).setDelivery(delivery).setUpdatedAt(Instant.ofEpochMilli(START)).build());
        FakeDetector slow = detectors.loaded.get(FakeDetectors.DEFAULT);
        slow.onDetect = () -> clock.advance(3 * INTERVAL_MS);
        clock.set(Instant.ofEpochMilli(START));
        for (long seq = 0; seq < n; seq++) {
            Instant captured = Instant.ofEpochMilli(START + seq * INTERVAL_MS);
            if (clock.instant().isBefore(captured)) {
                clock.set(captured);
            }
            Frame f = TestFrames.frame(stream, seq, jpeg);
            f.setCaptureTime(captured);
            frames.pipeInput(stream, f, captured);
        }
        slow.onDetect = () -> { };
        return detections.readValuesToList();
    }

    @Test
    void shouldKeepLagBoundedWhenARealtimeStreamIsOverloadedThreefold() {
        List<Detections> realtime = overloaded("cam-live", Delivery.REALTIME, 60);
        assertThat(realtime.size()).isBetween(15, 25);
        assertThat(realtime).allSatisfy(d -> assertThat(d.getLatencyMillis()).isLessThanOrEqualTo(
                (float) (FrameLimits.STALE_INTERVALS * INTERVAL_MS + 3 * INTERVAL_MS)));
        List<Detections> complete = overloaded("cam-forensic", Delivery.COMPLETE, 60);
        assertThat(complete).hasSize(60);
        assertThat(complete.get(59).getLatencyMillis()).isGreaterThan(10_000f);
    }

    @Test
    void shouldProcessEveryFrameOfAFixedStreamHoweverLate() {
        profile("cam-f", VariantPolicy.FIXED);
        frames("cam-f", 4, 10 * INTERVAL_MS);
        assertThat(detections.readValuesToList()).hasSize(4);
    }

    @Test
    void shouldPublishTelemetryPerStreamAndClosedWindow() {
        profile("cam-r", VariantPolicy.ROMA);
        frames("cam-r", 50, 5);
        frames("cam-r", 20, 5 * INTERVAL_MS);
        frames("cam-r", 60, 5);
        List<Telemetry> windows = telemetry.readValuesToList();
        assertThat(windows).hasSizeGreaterThanOrEqualTo(1);
        Telemetry first = windows.get(0);
        assertThat(first.getStreamId()).isEqualTo("cam-r");
        assertThat(first.getWindowEnd().toEpochMilli() - first.getWindowStart().toEpochMilli())
                .isEqualTo(DetectionTopology.TELEMETRY_WINDOW.toMillis());
        assertThat(first.getPolicy()).isEqualTo("ROMA");
        long total = windows.stream().mapToLong(Telemetry::getFramesIn).sum();
        assertThat(total).isEqualTo(100);
        assertThat(windows.stream().mapToLong(Telemetry::getFramesDropped).sum()).isEqualTo(20);
        assertThat(first.getFpsIn()).isEqualTo(10f);
        assertThat(first.getEstimatedRealtimeAp()).containsKeys(FAST, ACCURATE);
        assertThat(first.getLatencyP50Millis()).isPositive();
    }
}
