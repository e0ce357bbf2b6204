package io.edgescope.eval.policy;

import io.edgescope.eval.ApResult;
import io.edgescope.eval.AreaRange;
import io.edgescope.eval.CocoEvaluator;
import io.edgescope.eval.FrameData;
import io.edgescope.eval.GtBox;
import io.edgescope.eval.MotSequence;
import io.edgescope.eval.ScoredBox;
import io.edgescope.roma.AccuracyProfile;
import io.edgescope.roma.SizeBuckets;
import io.edgescope.roma.VariantAccuracy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ROMA's offline step: each variant's AP50, recall and precision per relative-size bucket over labelled
 * sequences pooled together. Boxes are measured relative to their frame's longer side (scaled to
 * {@link #UNITS} units), so sequences of any resolution share the buckets.
 */
public final class AccuracyProfiles {

    /** Relative sizes are scaled to this many units per frame side for evaluation. */
    static final double UNITS = 1000;

    private AccuracyProfiles() {
    }

    /**
     * @param sequences labelled sequences; their detections are in {@code bank} under the sequence name
     * @param latencyMillis each variant's offline latency
     */
    public static AccuracyProfile measure(List<MotSequence> sequences, DetectionBank bank, List<String> variants,
                                          SizeBuckets buckets, Map<String, Double> latencyMillis) {
        List<AreaRange> ranges = AreaRange.fromSideEdges(buckets.edges().stream().map(e -> e * UNITS).toList());
        CocoEvaluator evaluator = new CocoEvaluator(ranges);
        List<VariantAccuracy> out = new ArrayList<>();
        for (String variant : variants) {
            List<FrameData> frames = new ArrayList<>();
            for (MotSequence seq : sequences) {
                double scale = UNITS / Math.max(seq.width(), seq.height());
                for (int f = 1; f <= seq.length(); f++) {
                    frames.add(new FrameData(frames.size(), seq.truthOf(f).stream().map(g -> scaled(g, scale)).toList(),
                            bank.boxes(seq.name(), variant, f).stream().map(b -> scaled(b, scale)).toList()));
                }
            }
            ApResult r = evaluator.evaluate(frames);
            double[] ap = new double[buckets.count()];
            double[] recall = new double[buckets.count()];
            double[] precision = new double[buckets.count()];
            for (int b = 0; b < buckets.count(); b++) {
                String name = ranges.get(b + 1).name();
                ap[b] = r.ap50BySize().get(name);
                recall[b] = r.recall50BySize().get(name);
                precision[b] = r.precision50BySize().get(name);
            }
            out.add(new VariantAccuracy(variant, r.ap50(), ap, recall, precision, latencyMillis.get(variant)));
        }
        return AccuracyProfile.of(buckets, out);
    }

    private static GtBox scaled(GtBox g, double s) {
        return new GtBox(g.frame(), (float) (g.x() * s), (float) (g.y() * s), (float) (g.width() * s), (float) (g.height() * s), g.ignore());
    }

    private static ScoredBox scaled(ScoredBox b, double s) {
        return new ScoredBox((float) (b.x() * s), (float) (b.y() * s), (float) (b.width() * s), (float) (b.height() * s), b.score());
    }
}
