package io.edgescope.bench.roma;

import java.util.List;

/**
 * One policy against another round by round, both run in every round of the same live run: the mean of the rounds' relative
 * changes and its standard error. Rounds differ more than the policies do (the host's speed drifts between them), so the
 * pairing, not the two means, says whether a difference is more than the rounds' noise.
 *
 * @param meanPercent mean over rounds of {@code 100 x (policy / base - 1)}
 * @param standardErrorPercent standard error of that mean (NaN with one round)
 * @param rounds rounds paired
 */
public record PairedChange(double meanPercent, double standardErrorPercent, int rounds) {

    private static final double PERCENT = 100;

    /** {@code policy} against {@code base}, round by round (the same number of rounds, in the same order). */
    public static PairedChange of(List<Double> policy, List<Double> base) {
        if (policy.size() != base.size() || policy.isEmpty()) {
            throw new IllegalArgumentException("pairing needs one value of each per round, got " + policy.size() + " and " + base.size());
        }
        int n = policy.size();
        double[] change = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            change[i] = PERCENT * (policy.get(i) / base.get(i) - 1);
            sum += change[i];
        }
        double mean = sum / n;
        if (n == 1) {
            return new PairedChange(mean, Double.NaN, 1);
        }
        double squares = 0;
        for (double c : change) {
            squares += (c - mean) * (c - mean);
        }
        return new PairedChange(mean, Math.sqrt(squares / (n - 1) / n), n);
    }
}
