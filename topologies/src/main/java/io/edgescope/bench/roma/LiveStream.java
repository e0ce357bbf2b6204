package io.edgescope.bench.roma;

import io.edgescope.detect.BgrImage;
import io.edgescope.detect.DetectionResult;
import io.edgescope.detect.Detector;
import io.edgescope.eval.RealtimeSimulator;
import io.edgescope.eval.ScoredBox;
import io.edgescope.eval.policy.PolicyReplay;
import io.edgescope.eval.policy.Shot;
import io.edgescope.roma.SelectionPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One camera of a live run: its frames arrive on the clock at the stream's rate; whenever its
 * detector is free it takes the newest frame that has arrived (older waiting ones are dropped), the
 * policy picks the variant, and the frame is decoded and detected for real — so the latency is
 * whatever this host gives at that moment, with the other streams running beside it.
 */
final class LiveStream {

    private static final double NANOS_PER_MILLI = 1_000_000.0;
    private static final double MILLIS_PER_SECOND = 1000.0;

    /** Time as the stream sees it (the system clock in a run; a fake one in tests). */
    interface Ticker {
        long nanos();

        void sleepUntil(long nanos) throws InterruptedException;
    }

    static final Ticker SYSTEM = new Ticker() {
        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long nanos) throws InterruptedException {
            long left = nanos - System.nanoTime();
            if (left > 0) {
                Thread.sleep(left / (long) NANOS_PER_MILLI, (int) (left % (long) NANOS_PER_MILLI));
            }
        }
    };

    /**
     * What happened: arrival and finish time of every frame (ms from the start; finish infinite for a frame never
     * processed), the boxes of each processed frame, the frames per variant, variant changes between processed frames,
     * and the mean detector latency.
     */
    record Run(double[] arrivalMillis, double[] finishMillis, List<List<ScoredBox>> boxes, Map<String, Integer> processedByVariant,
               int switches, double meanLatencyMillis) {
    }

    private LiveStream() {
    }

    /**
     * @param shots the stream's frames, in order
     * @param image decodes a frame (done when the detector takes it, as the pipeline decodes a frame from Kafka)
     * @param detectors this stream's detector per variant id (used by this thread only)
     * @param label the class scored
     * @param startNanos when the first frame arrives, on {@code ticker}
     */
    static Run run(List<Shot> shots, Function<Shot, BgrImage> image, double fps, SelectionPolicy policy, Map<String, Detector> detectors,
                   String label, Ticker ticker, long startNanos) throws InterruptedException {
        int n = shots.size();
        double interval = MILLIS_PER_SECOND / fps;
        double[] arrival = new double[n];
        double[] finish = new double[n];
        List<List<ScoredBox>> boxes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            arrival[i] = i * interval;
            boxes.add(List.of());
        }
        Arrays.fill(finish, Double.POSITIVE_INFINITY);
        Map<String, Integer> processed = new TreeMap<>();
        double latencySum = 0;
        int switches = 0;
        String last = null;
        int next = 0;
        while (next < n) {
            ticker.sleepUntil(startNanos + (long) (arrival[next] * NANOS_PER_MILLI));
            double now = (ticker.nanos() - startNanos) / NANOS_PER_MILLI;
            int pick = RealtimeSimulator.newestArrived(arrival, next, now);
            String variant = policy.next(interval);
            Shot shot = shots.get(pick);
            BgrImage frame = image.apply(shot);
            policy.detecting();
            long detectStart = ticker.nanos();
            DetectionResult result = detectors.get(variant).detect(frame);
            long detectEnd = ticker.nanos();
            double latency = (detectEnd - detectStart) / NANOS_PER_MILLI;
            // from when the detector could have taken the frame (it was free and the frame had arrived: when the real-time model starts
            // it) to starting it — waking up on a busy host, the policy's time on the last frame and this one, decoding the frame
            // (frame next - 1 is the one the detector took last)
            double free = next == 0 ? 0 : finish[next - 1];
            double overhead = (detectStart - startNanos) / NANOS_PER_MILLI - Math.max(arrival[next], free);
            finish[pick] = (detectEnd - startNanos) / NANOS_PER_MILLI;
            List<ScoredBox> found = result.detections().stream().filter(d -> label.equals(d.label())).map(DetectionBankBuilder::scored).toList();
            boxes.set(pick, found);
            policy.observe(variant, PolicyReplay.asBoxes(found), shot.width(), shot.height(), pick, latency, overhead);
            processed.merge(variant, 1, Integer::sum);
            switches += last != null && !last.equals(variant) ? 1 : 0;
            last = variant;
            latencySum += latency;
            next = pick + 1;
        }
        int count = processed.values().stream().mapToInt(Integer::intValue).sum();
        return new Run(arrival, finish, boxes, processed, switches, count == 0 ? 0 : latencySum / count);
    }
}
