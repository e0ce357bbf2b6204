package io.edgescope.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Average precision for one class, computed as COCOeval does for boxes: per frame, detections sorted
 * by score (at most 100) are greedily matched to the unmatched ground truth of highest IoU at each
 * threshold, ignored ground truth last; detections matched to ignored ground truth, and unmatched
 * detections outside the size bucket, are ignored; precision is made monotone and sampled at 101
 * recall points. AP50 uses IoU 0.5; AP is the mean over IoU 0.50, 0.55, ..., 0.95.
 */
public final class CocoEvaluator {

    public static final int MAX_DETECTIONS = 100;
    public static final int RECALL_POINTS = 101;
    /** Where a precision curve keeps the precision of all its (counted) detections, after the final recall. */
    private static final int FINAL_PRECISION = RECALL_POINTS + 1;
    private static final int IOU_STEPS = 10;
    private static final double IOU_FIRST = 0.5;
    private static final double IOU_STEP = 0.05;
    private static final double IOU_CAP = 1 - 1e-10;
    private static final double EPS = Math.ulp(1.0);

    private final double[] iouThresholds;
    private final List<AreaRange> ranges;

    public CocoEvaluator(List<AreaRange> ranges) {
        this.ranges = List.copyOf(ranges);
        this.iouThresholds = new double[IOU_STEPS];
        for (int i = 0; i < IOU_STEPS; i++) {
            iouThresholds[i] = Math.round((IOU_FIRST + i * IOU_STEP) * 100) / 100.0;
        }
    }

    public static CocoEvaluator coco() {
        return new CocoEvaluator(AreaRange.COCO);
    }

    public ApResult evaluate(List<FrameData> frames) {
        List<FrameData> ordered = new ArrayList<>(frames);
        ordered.sort(Comparator.comparingInt(FrameData::frame));
        Map<String, Double> ap50 = new LinkedHashMap<>();
        Map<String, Double> ap = new LinkedHashMap<>();
        Map<String, Double> recallBySize = new LinkedHashMap<>();
        Map<String, Double> precisionBySize = new LinkedHashMap<>();
        double recall50 = Double.NaN;
        for (AreaRange range : ranges) {
            double[][] curve = precisionCurves(ordered, range);
            if (curve == null) {
                ap50.put(range.name(), Double.NaN);
                ap.put(range.name(), Double.NaN);
                recallBySize.put(range.name(), Double.NaN);
                precisionBySize.put(range.name(), Double.NaN);
                continue;
            }
            ap50.put(range.name(), mean(curve[0], RECALL_POINTS));
            double sum = 0;
            for (int t = 0; t < IOU_STEPS; t++) {
                sum += mean(curve[t], RECALL_POINTS);
            }
            ap.put(range.name(), sum / IOU_STEPS);
            recallBySize.put(range.name(), curve[0][RECALL_POINTS]);
            precisionBySize.put(range.name(), curve[0][FINAL_PRECISION]);
            if (range.equals(AreaRange.ALL) || Double.isNaN(recall50)) {
                recall50 = curve[0][RECALL_POINTS];
            }
        }
        int truth = ordered.stream().mapToInt(f -> (int) f.truth().stream().filter(g -> !g.ignore()).count()).sum();
        int dets = ordered.stream().mapToInt(f -> Math.min(MAX_DETECTIONS, f.detections().size())).sum();
        String first = ranges.get(0).name();
        return new ApResult(ap50.get(first), ap.get(first), ap50, ap, recall50, truth, dets, recallBySize, precisionBySize);
    }

    /** Per IoU threshold: 101 interpolated precisions, then the final recall and the final precision; null when no ground truth counts. */
    private double[][] precisionCurves(List<FrameData> frames, AreaRange range) {
        List<Float> scores = new ArrayList<>();
        List<boolean[]> matched = new ArrayList<>();
        List<boolean[]> ignored = new ArrayList<>();
        int counted = 0;
        for (FrameData frame : frames) {
            counted += matchFrame(frame, range, scores, matched, ignored);
        }
        if (counted == 0) {
            return null;
        }
        Integer[] order = new Integer[scores.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(scores.get(b), scores.get(a)));
        double[][] curves = new double[IOU_STEPS][];
        for (int t = 0; t < IOU_STEPS; t++) {
            curves[t] = curve(order, matched, ignored, t, counted);
        }
        return curves;
    }

    private static double[] curve(Integer[] order, List<boolean[]> matched, List<boolean[]> ignored, int t, int counted) {
        int n = order.length;
        double[] precision = new double[n];
        double[] recall = new double[n];
        double tp = 0;
        double finalPrecision = Double.NaN;
        double fp = 0;
        for (int i = 0; i < n; i++) {
            int d = order[i];
            if (!ignored.get(d)[t]) {
                if (matched.get(d)[t]) {
                    tp++;
                } else {
                    fp++;
                }
            }
            recall[i] = tp / counted;
            precision[i] = tp / (fp + tp + EPS);
        }
        if (n > 0 && tp + fp > 0) {
            finalPrecision = precision[n - 1];
        }
        for (int i = n - 1; i > 0; i--) {
            if (precision[i] > precision[i - 1]) {
                precision[i - 1] = precision[i];
            }
        }
        double[] out = new double[FINAL_PRECISION + 1];
        int p = 0;
        for (int r = 0; r < RECALL_POINTS; r++) {
            double threshold = r / (double) (RECALL_POINTS - 1);
            while (p < n && recall[p] < threshold) {
                p++;
            }
            out[r] = p < n ? precision[p] : 0;
        }
        out[RECALL_POINTS] = n == 0 ? 0 : recall[n - 1];
        out[FINAL_PRECISION] = finalPrecision;
        return out;
    }

    /** Matches one frame at every threshold; appends per-detection results; returns the ground truth that counts. */
    private int matchFrame(FrameData frame, AreaRange range, List<Float> scores, List<boolean[]> matched,
                           List<boolean[]> ignored) {
        if (frame.truth().isEmpty() && frame.detections().isEmpty()) {
            return 0;
        }
        List<GtBox> gts = new ArrayList<>(frame.truth());
        gts.sort(Comparator.comparingInt(g -> ignoredIn(g, range) ? 1 : 0));
        boolean[] gtIgnore = new boolean[gts.size()];
        int counted = 0;
        for (int g = 0; g < gts.size(); g++) {
            gtIgnore[g] = ignoredIn(gts.get(g), range);
            counted += gtIgnore[g] ? 0 : 1;
        }
        List<ScoredBox> dts = new ArrayList<>(frame.detections());
        dts.sort(Comparator.comparingDouble(ScoredBox::score).reversed());
        if (dts.size() > MAX_DETECTIONS) {
            dts = dts.subList(0, MAX_DETECTIONS);
        }
        double[][] iou = new double[dts.size()][gts.size()];
        for (int d = 0; d < dts.size(); d++) {
            for (int g = 0; g < gts.size(); g++) {
                iou[d][g] = dts.get(d).iou(gts.get(g));
            }
        }
        boolean[][] dtMatched = new boolean[dts.size()][IOU_STEPS];
        boolean[][] dtIgnored = new boolean[dts.size()][IOU_STEPS];
        for (int t = 0; t < IOU_STEPS; t++) {
            boolean[] gtMatched = new boolean[gts.size()];
            for (int d = 0; d < dts.size(); d++) {
                double best = Math.min(iouThresholds[t], IOU_CAP);
                int m = -1;
                for (int g = 0; g < gts.size(); g++) {
                    if (gtMatched[g]) {
                        continue;
                    }
                    if (m > -1 && !gtIgnore[m] && gtIgnore[g]) {
                        break;
                    }
                    if (iou[d][g] < best) {
                        continue;
                    }
                    best = iou[d][g];
                    m = g;
                }
                if (m == -1) {
                    continue;
                }
                dtIgnored[d][t] = gtIgnore[m];
                dtMatched[d][t] = true;
                gtMatched[m] = true;
            }
        }
        for (int d = 0; d < dts.size(); d++) {
            boolean outside = !range.contains(dts.get(d).area());
            for (int t = 0; t < IOU_STEPS; t++) {
                dtIgnored[d][t] = dtIgnored[d][t] || (!dtMatched[d][t] && outside);
            }
            scores.add(dts.get(d).score());
            matched.add(dtMatched[d]);
            ignored.add(dtIgnored[d]);
        }
        return counted;
    }

    private static boolean ignoredIn(GtBox g, AreaRange range) {
        return g.ignore() || !range.contains(g.area());
    }

    private static double mean(double[] values, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[i];
        }
        return sum / count;
    }
}
