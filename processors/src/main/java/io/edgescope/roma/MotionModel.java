package io.edgescope.roma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * How fast objects move, in box sizes per frame, measured between consecutive processed frames of
 * a stream, and what that costs a stale box: after {@code s} frames an object that moved by
 * (dx, dy) box sizes overlaps its old box by (1-dx)(1-dy), which is still a hit at IoU threshold t
 * when that overlap a satisfies a / (2 - a) >= t. Retention(s) is the share of measured objects
 * still hit. Mutable; one per stream.
 */
public final class MotionModel {

    /** Boxes further apart than this many of their sizes (over the whole gap) are not the same object. */
    private static final double MAX_MATCH_DISTANCE = 2.0;
    /** Boxes whose sides differ by more than this factor are not the same object. */
    private static final double MAX_SIDE_RATIO = 1.5;

    private final int capacity;
    private final double priorBeta;
    private final double[] vx;
    private final double[] vy;
    private int size;
    private int next;

    /**
     * @param capacity motion samples kept (the most recent)
     * @param priorBeta retention lost per frame of age before any motion was measured: (1-beta)^s
     */
    public MotionModel(int capacity, double priorBeta) {
        this.capacity = capacity;
        this.priorBeta = priorBeta;
        this.vx = new double[capacity];
        this.vy = new double[capacity];
    }

    /** Matches the boxes of two processed frames {@code gap} frames apart and records their speeds. */
    public void observe(List<Box> previous, List<Box> current, int gap) {
        if (gap < 1 || previous.isEmpty() || current.isEmpty()) {
            return;
        }
        record Pair(int p, int c, double distance, double dx, double dy) { }
        List<Pair> pairs = new ArrayList<>();
        for (int p = 0; p < previous.size(); p++) {
            Box a = previous.get(p);
            for (int c = 0; c < current.size(); c++) {
                Box b = current.get(c);
                double ratio = Math.max(a.side(), b.side()) / Math.max(1e-9, Math.min(a.side(), b.side()));
                double w = (a.width() + b.width()) / 2;
                double h = (a.height() + b.height()) / 2;
                if (ratio > MAX_SIDE_RATIO || w <= 0 || h <= 0) {
                    continue;
                }
                double dx = Math.abs(b.centerX() - a.centerX()) / w;
                double dy = Math.abs(b.centerY() - a.centerY()) / h;
                double distance = Math.sqrt(dx * dx + dy * dy);
                if (distance <= MAX_MATCH_DISTANCE) {
                    pairs.add(new Pair(p, c, distance, dx, dy));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::distance));
        boolean[] usedP = new boolean[previous.size()];
        boolean[] usedC = new boolean[current.size()];
        for (Pair pair : pairs) {
            if (!usedP[pair.p()] && !usedC[pair.c()]) {
                usedP[pair.p()] = true;
                usedC[pair.c()] = true;
                add(pair.dx() / gap, pair.dy() / gap);
            }
        }
    }

    private void add(double speedX, double speedY) {
        vx[next] = speedX;
        vy[next] = speedY;
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
    }

    /** Motion samples measured so far (at most the capacity). */
    public int samples() {
        return size;
    }

    /** Median speed in box sizes per frame (0 when nothing measured). */
    public double medianSpeed() {
        if (size == 0) {
            return 0;
        }
        double[] speeds = new double[size];
        for (int i = 0; i < size; i++) {
            speeds[i] = Math.sqrt(vx[i] * vx[i] + vy[i] * vy[i]);
        }
        Arrays.sort(speeds);
        return speeds[size / 2];
    }

    /**
     * {@link #retention} at every staleness as the motion stands now, each staleness computed once: for one decision, which
     * asks the same stalenesses of every candidate (not to be kept past the next {@link #observe}).
     */
    public IntToDoubleFunction retentionNow(double iouThreshold) {
        return new IntToDoubleFunction() {
            private double[] known = new double[0];

            @Override
            public double applyAsDouble(int staleness) {
                if (staleness < 0) {
                    return retention(staleness, iouThreshold);
                }
                if (staleness >= known.length) {
                    int from = known.length;
                    known = Arrays.copyOf(known, Math.max(staleness + 1, 2 * from));
                    Arrays.fill(known, from, known.length, Double.NaN);
                }
                if (Double.isNaN(known[staleness])) {
                    known[staleness] = retention(staleness, iouThreshold);
                }
                return known[staleness];
            }
        };
    }

    /** Share of objects a box {@code staleness} frames old still hits at IoU {@code iouThreshold}. */
    public double retention(int staleness, double iouThreshold) {
        if (staleness <= 0) {
            return 1;
        }
        if (size == 0) {
            return Math.pow(1 - priorBeta, staleness);
        }
        double minOverlap = 2 * iouThreshold / (1 + iouThreshold);
        int kept = 0;
        for (int i = 0; i < size; i++) {
            double overlap = Math.max(0, 1 - staleness * vx[i]) * Math.max(0, 1 - staleness * vy[i]);
            kept += overlap >= minOverlap ? 1 : 0;
        }
        return kept / (double) size;
    }
}
