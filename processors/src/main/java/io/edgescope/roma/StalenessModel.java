package io.edgescope.roma;

/**
 * How old the boxes a viewer sees are, in frames, for a detector of constant latency on a stream
 * of constant frame interval, when the detector always takes the newest frame once free and each
 * frame shows the latest result finished before the next frame arrives (the rules of
 * real-time evaluation). Computed by stepping the steady state, so it is exact for that model.
 */
public final class StalenessModel {

    /** Detector cycles simulated after the warm-up for one latency, enough for the pattern to repeat. */
    private static final int CYCLES = 40;
    /** Times each of several latency samples is used in the simulation. */
    private static final int SAMPLE_REPEATS = 8;
    private static final int MIN_FRAMES = 100;

    private StalenessModel() {
    }

    /** Share of shown frames per staleness 0, 1, 2, ... (frames), summing to 1. */
    public static double[] weights(double latencyMillis, double intervalMillis) {
        return weights(new double[] {latencyMillis}, intervalMillis);
    }

    /**
     * As {@link #weights(double, double)} for a detector whose latency varies: processed frames take
     * the given latencies in turn, each used several times.
     */
    public static double[] weights(double[] latencies, double intervalMillis) {
        if (!(intervalMillis > 0) || latencies.length == 0) {
            throw new IllegalArgumentException("need a positive frame interval and at least one latency");
        }
        double longest = 0;
        for (double l : latencies) {
            longest = Math.max(longest, l);
        }
        int perCycle = (int) Math.ceil(longest / intervalMillis) + 1;
        int frames = Math.max(MIN_FRAMES, perCycle * (latencies.length == 1 ? CYCLES : SAMPLE_REPEATS * latencies.length));
        int warmUp = 2 * perCycle;
        double[] finish = new double[frames];
        // the frames the detector took, in order (their finish times rise: one detection after the other)
        int[] taken = new int[frames];
        int takenCount = 0;
        double free = 0;
        int next = 0;
        int run = 0;
        while (next < frames) {
            double start = Math.max(free, next * intervalMillis);
            // start >= 0: the cast is the floor
            int pick = Math.max(next, Math.min(frames - 1, (int) (start / intervalMillis)));
            // the newest frame that has arrived, decided on the same products as the arrival times (no rounding ties)
            while (pick + 1 < frames && (pick + 1) * intervalMillis <= start) {
                pick++;
            }
            while (pick > next && pick * intervalMillis > start) {
                pick--;
            }
            finish[pick] = start + Math.max(0, latencies[run++ % latencies.length]);
            free = finish[pick];
            taken[takenCount++] = pick;
            next = pick + 1;
        }
        double[] counts = new double[frames];
        int latest = -1;
        int seen = 0;
        int shown = 0;
        int maxAge = 0;
        for (int j = 0; j < frames; j++) {
            double shownUntil = (j + 1) * intervalMillis;
            // the newest taken frame whose result is out before frame j's turn ends
            while (seen < takenCount && taken[seen] <= j && finish[taken[seen]] <= shownUntil) {
                latest = taken[seen++];
            }
            if (j >= warmUp && latest >= 0) {
                counts[j - latest]++;
                shown++;
                maxAge = Math.max(maxAge, j - latest);
            }
        }
        double[] w = new double[maxAge + 1];
        for (int s = 0; s <= maxAge; s++) {
            w[s] = counts[s] / shown;
        }
        return w;
    }
}
