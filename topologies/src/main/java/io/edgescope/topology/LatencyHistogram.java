package io.edgescope.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * Fixed log-spaced latency buckets (upper bounds 1 ms x 1.2^i, i = 0..59, about 1 ms to 47 s), so
 * windows can be merged and percentiles read back with at most 20% error.
 */
final class LatencyHistogram {

    static final int BUCKETS = 60;
    private static final double FIRST_MILLIS = 1.0;
    private static final double GROWTH = 1.2;

    private LatencyHistogram() {
    }

    static List<Integer> empty() {
        List<Integer> out = new ArrayList<>(BUCKETS);
        for (int i = 0; i < BUCKETS; i++) {
            out.add(0);
        }
        return out;
    }

    static int bucketOf(double millis) {
        if (!(millis > FIRST_MILLIS)) {
            return 0;
        }
        return (int) Math.min(BUCKETS - 1, Math.ceil(Math.log(millis / FIRST_MILLIS) / Math.log(GROWTH)));
    }

    static double upperBound(int bucket) {
        return FIRST_MILLIS * Math.pow(GROWTH, bucket);
    }

    /** The bucket upper bound under which {@code percentile} % of the counts fall; 0 when empty. */
    static double percentile(List<Integer> counts, double percentile) {
        long total = counts.stream().mapToLong(Integer::longValue).sum();
        if (total == 0) {
            return 0;
        }
        double wanted = Math.ceil(total * percentile / 100.0);
        long seen = 0;
        for (int i = 0; i < counts.size(); i++) {
            seen += counts.get(i);
            if (seen >= wanted) {
                return upperBound(i);
            }
        }
        return upperBound(counts.size() - 1);
    }
}
