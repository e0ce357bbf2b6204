package io.edgescope.bench.roma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgescope.detect.BgrImage;
import io.edgescope.detect.Detection;
import io.edgescope.detect.DetectionResult;
import io.edgescope.detect.Detector;
import io.edgescope.detect.StageTimings;
import io.edgescope.eval.GtBox;
import io.edgescope.eval.ScoredBox;
import io.edgescope.eval.policy.DetectionBank;
import io.edgescope.eval.policy.Shot;
import io.edgescope.roma.Box;
import io.edgescope.roma.SelectionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LiveStreamTest {

    private static final double FPS = 25;
    private static final long INTERVAL_NANOS = 40_000_000L;
    private static final BgrImage FRAME = new BgrImage(4, 4, new byte[4 * 4 * BgrImage.CHANNELS]);

    /** A clock that only moves when a detector works or the stream waits for a frame. */
    private static final class FakeTicker implements LiveStream.Ticker {
        private long now;
        /** How late the stream wakes up from a wait. */
        private long oversleep;

        @Override
        public long nanos() {
            return now;
        }

        @Override
        public void sleepUntil(long nanos) {
            now = nanos > now ? nanos + oversleep : now;
        }
    }

    /** Takes a fixed time on the fake clock and finds one person and one car. */
    private record TimedDetector(String variantId, long nanos, FakeTicker ticker) implements Detector {
        @Override
        public DetectionResult detect(BgrImage image) {
            ticker.now += nanos;
            return new DetectionResult(List.of(new Detection(0, "person", 0.9f, 1, 1, 2, 2), new Detection(2, "car", 0.8f, 0, 0, 1, 1)),
                    new StageTimings(0, nanos / 1e6, 0));
        }

        @Override
        public void close() {
        }
    }

    /** Runs "slow" until it has seen {@code switchAfter} frames, then "fast"; records what it observed. */
    private static final class Recording implements SelectionPolicy {
        final List<Long> frames = new ArrayList<>();
        final List<Double> latencies = new ArrayList<>();
        final List<Integer> boxes = new ArrayList<>();
        final List<Double> overheads = new ArrayList<>();
        private final int switchAfter;

        Recording(int switchAfter) {
            this.switchAfter = switchAfter;
        }

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public String next(double intervalMillis) {
            return frames.size() < switchAfter ? "slow" : "fast";
        }

        @Override
        public void observe(String variantId, List<Box> seen, int frameWidth, int frameHeight, long frameIndex, double latencyMillis,
                            double overheadMillis) {
            frames.add(frameIndex);
            latencies.add(latencyMillis);
            boxes.add(seen.size());
            overheads.add(overheadMillis);
        }
    }

    private static List<Shot> shots(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(f -> new Shot("seg", "clip", f, 4, 4, List.of())).toList();
    }

    @Test
    void shouldTakeTheNewestArrivedFrameWhenFreeAndDropTheOnesThatArrivedWhileBusy() throws Exception {
        FakeTicker ticker = new FakeTicker();
        Recording policy = new Recording(4);
        Map<String, Detector> detectors = Map.of("slow", new TimedDetector("slow", INTERVAL_NANOS * 5 / 2, ticker),
                "fast", new TimedDetector("fast", INTERVAL_NANOS / 4, ticker));

        LiveStream.Run run = LiveStream.run(shots(14), s -> FRAME, FPS, policy, detectors, "person", ticker, 0);

        // slow (2.5 intervals): frame 0 done at 2.5 -> frame 2 (arrived at 2), done at 5 -> 5, done at 7.5 -> 7, done at 10;
        // then fast (0.25): 10, 11, 12, 13
        assertThat(policy.frames).containsExactly(0L, 2L, 5L, 7L, 10L, 11L, 12L, 13L);
        assertThat(policy.latencies).containsExactly(100.0, 100.0, 100.0, 100.0, 10.0, 10.0, 10.0, 10.0);
        assertThat(policy.boxes).as("only the class scored").containsOnly(1);
        assertThat(run.processedByVariant()).containsExactlyInAnyOrderEntriesOf(Map.of("slow", 4, "fast", 4));
        assertThat(run.finishMillis()[2]).isEqualTo(200.0);
        assertThat(run.finishMillis()[1]).isInfinite();
        assertThat(run.boxes().get(1)).isEmpty();
        assertThat(run.boxes().get(13)).hasSize(1);
        assertThat(run.meanLatencyMillis()).isEqualTo(55.0);
        assertThat(run.switches()).isEqualTo(1);
    }

    @Test
    void shouldGiveEachStreamItsOwnPartOfTheFrames() {
        List<Shot> all = shots(10);
        List<List<Shot>> slices = LiveContention.slices(all, 2, 7);
        assertThat(slices).hasSize(2);
        assertThat(slices.get(0)).extracting(Shot::sourceFrame).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(slices.get(1)).extracting(Shot::sourceFrame).as("from halfway, wrapping").containsExactly(6, 7, 8, 9, 10, 1, 2);
    }

    @Test
    void shouldScoreEachVariantOfflineOnTheCamerasFramesWithEveryFrameItsOwnDetections() {
        List<Shot> all = IntStream.rangeClosed(1, 10)
                .mapToObj(f -> new Shot("seg", "clip", f, 100, 100, List.of(new GtBox(f, 10, 10, 20, 20, false)))).toList();
        List<List<Shot>> slices = LiveContention.slices(all, 2, 5);
        // "hit" finds every object where it is; "odd" only on odd frames; "off" never overlaps one
        DetectionBank bank = (clip, variant, frame) -> switch (variant) {
            case "hit" -> List.of(new ScoredBox(10, 10, 20, 20, 0.9f));
            case "odd" -> frame % 2 == 1 ? List.of(new ScoredBox(10, 10, 20, 20, 0.9f)) : List.of();
            default -> List.of(new ScoredBox(60, 60, 20, 20, 0.9f));
        };
        assertThat(LiveContention.offlineAp50(slices, bank, "hit")).isEqualTo(1.0);
        assertThat(LiveContention.offlineAp50(slices, bank, "odd")).isCloseTo(0.5, within(0.02));
        assertThat(LiveContention.offlineAp50(slices, bank, "off")).isZero();
    }

    @Test
    void shouldCountAsOverheadEverythingBetweenTheFrameBeingReadyAndItsDetectorStarting() throws Exception {
        FakeTicker ticker = new FakeTicker();
        ticker.oversleep = 3_000_000L;
        Recording policy = new Recording(2);
        Map<String, Detector> detectors = Map.of("slow", new TimedDetector("slow", INTERVAL_NANOS * 5 / 2, ticker),
                "fast", new TimedDetector("fast", INTERVAL_NANOS / 4, ticker));
        // decoding a frame takes 2 ms
        LiveStream.run(shots(6), s -> {
            ticker.now += 2_000_000L;
            return FRAME;
        }, FPS, policy, detectors, "person", ticker, 10_000_000L);

        // (ms from the first frame's arrival, 10 ms into the clock) frame 0: arrived at 0, woke at 3, decoded by 5, done at 105;
        // frame 2 waited for the detector: no wake-up, decoded by 107, done at 207; then fast: frame 5 had arrived (200), decoded
        // by 209, done at 219; no frame after it (six frames)
        assertThat(policy.frames).containsExactly(0L, 2L, 5L);
        assertThat(policy.overheads).as("late wake-up and decoding; decoding alone when the detector was the wait")
                .containsExactly(5.0, 2.0, 2.0);
    }
}
