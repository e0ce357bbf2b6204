package io.edgescope.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgescope.schemas.Delivery;
import io.edgescope.schemas.Detections;
import io.edgescope.schemas.Frame;
import io.edgescope.schemas.StreamProfile;
import io.edgescope.schemas.VariantPolicy;
import io.edgescope.registry.SchemaStore;
import io.edgescope.topics.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameRateGuardTest {

    private static final long START = 1_700_000_000_000L;

    private static long admitted(FrameRateGuard guard, long intervalMillis, int frames) {
        return LongStream.range(0, frames).filter(i -> guard.admit(START + i * intervalMillis)).count();
    }

    @Test
    void shouldKeepEveryFrameOfACameraAtTheCapEvenWithJitter() {
        FrameRateGuard guard = new FrameRateGuard(30);
        long kept = 0;
        for (int i = 0; i < 300; i++) {
            long jitter = (i % 2 == 0) ? -8 : 8;
            kept += guard.admit(START + Math.round(i * 1000.0 / 30) + jitter) ? 1 : 0;
        }
        assertThat(kept).isEqualTo(300);
    }

    @Test
    void shouldCapAFloodingCameraAtTheMaximumRate() {
        // 200 fps for 10 s against a cap of 25 fps: 250 frames (plus the initial burst)
        assertThat(admitted(new FrameRateGuard(25), 5, 2000)).isBetween(250L, 252L);
    }

    @Test
    void shouldStartAgainWhenTheCameraClockGoesBack() {
        FrameRateGuard guard = new FrameRateGuard(1);
        assertThat(guard.admit(START)).isTrue();
        assertThat(guard.admit(START + 10)).isTrue();
        assertThat(guard.admit(START + 20)).isFalse();
        assertThat(guard.admit(START - 60_000)).isTrue();
    }

    @Property(tries = 200)
    void shouldNeverAdmitMoreThanTheCapPlusTheBurst(@ForAll @IntRange(min = 1, max = 120) int maxFps,
                                                    @ForAll @IntRange(min = 1, max = 200) int intervalMillis) {
        int frames = 500;
        long spanMillis = (long) (frames - 1) * intervalMillis;
        double allowed = maxFps * spanMillis / 1000.0 + FrameRateGuard.BURST_FRAMES;
        assertThat((double) admitted(new FrameRateGuard(maxFps), intervalMillis, frames)).isLessThanOrEqualTo(allowed);
    }

    @Test
    void shouldRefuseANonPositiveCap() {
        assertThatThrownBy(() -> new FrameRateGuard(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FrameLimits(1, 1, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSkipFramesOverTheCapOnRealtimeStreamsOnlyInTheTopology(@TempDir Path stateDir) {
        SchemaStore registry = SchemaStore.inMemory();
        FakeDetectors detectors = new FakeDetectors();
        Instant now = Instant.ofEpochMilli(START);
        try (TopologyTestDriver driver = new TopologyTestDriver(DetectionTopology.build(new FrameLimits(1_000_000, 10_000_000L, 60_000, 10),
                registry, detectors, Clock.fixed(now, ZoneOffset.UTC)), TestDrivers.properties("rate-guard-test", stateDir))) {
            var profiles = driver.createInputTopic(Topics.STREAM_PROFILES.name(), new StringSerializer(),
                    Topics.STREAM_PROFILES.valueSerde(registry).serializer());
            var frames = driver.createInputTopic(Topics.FRAMES.name(), new StringSerializer(), Topics.FRAMES.valueSerde(registry).serializer());
            var detections = driver.createOutputTopic(Topics.DETECTIONS.name(), Topics.DETECTIONS.keySerde().deserializer(),
                    Topics.DETECTIONS.valueSerde(registry).deserializer());
            byte[] jpeg = TestFrames.jpeg(TestFrames.WIDTH, TestFrames.HEIGHT);
            for (String stream : List.of("flood-live", "flood-forensic")) {
                profiles.pipeInput(stream, StreamProfile.newBuilder().setStreamId(stream).setPolicy(VariantPolicy.FIXED)
                        .setVariantId(FakeDetectors.DEFAULT).setDelivery(stream.endsWith("live") ? Delivery.REALTIME : Delivery.COMPLETE)
                        .setUpdatedAt(now).build());
                // 100 fps for 2 s, captured in the last two seconds (none stale)
                for (long seq = 0; seq < 200; seq++) {
                    Frame f = TestFrames.frame(stream, seq, jpeg);
                    f.setCaptureTime(Instant.ofEpochMilli(START - 2000 + seq * 10));
                    frames.pipeInput(stream, f);
                }
            }
            List<Detections> out = detections.readValuesToList();
            assertThat(out.stream().filter(d -> d.getStreamId().equals("flood-live")).count()).isBetween(20L, 22L);
            assertThat(out.stream().filter(d -> d.getStreamId().equals("flood-forensic")).count()).isEqualTo(200);
        }
    }
}
