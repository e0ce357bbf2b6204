package io.edgescope.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Replays a stream in time to get what a viewer really sees. Frame i arrives at {@code arrival[i]};
 * one detector works on one frame at a time and takes {@code latency[i]} for frame i; when it is
 * busy, arriving frames wait, and when it becomes free it takes the newest frame that arrived,
 * dropping older waiting ones. Frame j is shown until the next frame arrives, with the boxes of
 * the latest result finished by then — computed on an older frame when the detector lags; frames
 * before the first result are shown with no boxes.
 */
public final class RealtimeSimulator {

    /**
     * The outcome for each frame.
     *
     * @param shownResultOf for each frame, the index of the frame whose boxes are shown, or -1
     * @param processed for each frame, whether the detector ran on it
     */
    public record Replay(int[] shownResultOf, boolean[] processed) {

        public double droppedFraction() {
            int dropped = 0;
            for (boolean p : processed) {
                dropped += p ? 0 : 1;
            }
            return processed.length == 0 ? 0 : dropped / (double) processed.length;
        }

        /** Mean age, in frames, of the boxes shown (frames with a result only); 0 when none. */
        public double meanStalenessFrames() {
            long sum = 0;
            int n = 0;
            for (int j = 0; j < shownResultOf.length; j++) {
                if (shownResultOf[j] >= 0) {
                    sum += j - shownResultOf[j];
                    n++;
                }
            }
            return n == 0 ? 0 : sum / (double) n;
        }

        /** The frames as a viewer sees them: each frame's truth with the boxes shown on it. */
        public List<FrameData> shown(List<FrameData> frames) {
            List<FrameData> out = new ArrayList<>(frames.size());
            for (int j = 0; j < frames.size(); j++) {
                int k = shownResultOf[j];
                out.add(new FrameData(frames.get(j).frame(), frames.get(j).truth(),
                        k < 0 ? List.of() : frames.get(k).detections()));
            }
            return out;
        }
    }

    private RealtimeSimulator() {
    }

    /**
     * @param arrivalMillis arrival time of each frame, non-decreasing
     * @param latencyMillis detector time for each frame
     * @param framePeriodMillis display time of the last frame (the others are shown until the next arrives)
     */
    public static Replay replay(double[] arrivalMillis, double[] latencyMillis, double framePeriodMillis) {
        int n = arrivalMillis.length;
        double[] finish = new double[n];
        boolean[] processed = new boolean[n];
        java.util.Arrays.fill(finish, Double.POSITIVE_INFINITY);
        double free = Double.NEGATIVE_INFINITY;
        int next = 0;
        while (next < n) {
            double start = Math.max(free, arrivalMillis[next]);
            int pick = newestArrived(arrivalMillis, next, start);
            processed[pick] = true;
            finish[pick] = start + latencyMillis[pick];
            free = finish[pick];
            next = pick + 1;
        }
        return observed(arrivalMillis, finish, framePeriodMillis);
    }

    /**
     * The frame a detector free at {@code nowMillis} takes: the newest that has arrived by then, from {@code next} on
     * ({@code next} itself when no later one has; the ones in between are dropped).
     *
     * @param arrivalMillis arrival time of each frame, non-decreasing
     */
    public static int newestArrived(double[] arrivalMillis, int next, double nowMillis) {
        int pick = next;
        while (pick + 1 < arrivalMillis.length && arrivalMillis[pick + 1] <= nowMillis) {
            pick++;
        }
        return pick;
    }

    /**
     * What a viewer saw in a real run: frame i arrived at {@code arrivalMillis[i]} and its result was
     * published at {@code finishMillis[i]} (infinity when the frame was never processed).
     */
    public static Replay observed(double[] arrivalMillis, double[] finishMillis, double framePeriodMillis) {
        int n = arrivalMillis.length;
        boolean[] processed = new boolean[n];
        for (int i = 0; i < n; i++) {
            processed[i] = finishMillis[i] != Double.POSITIVE_INFINITY;
        }
        int[] shown = new int[n];
        int latest = -1;
        double latestFinish = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            double shownUntil = j + 1 < n ? arrivalMillis[j + 1] : arrivalMillis[j] + framePeriodMillis;
            for (int k = latest + 1; k <= j; k++) {
                if (processed[k] && finishMillis[k] <= shownUntil && finishMillis[k] >= latestFinish) {
                    latest = k;
                    latestFinish = finishMillis[k];
                }
            }
            shown[j] = latest;
        }
        return new Replay(shown, processed);
    }
}
