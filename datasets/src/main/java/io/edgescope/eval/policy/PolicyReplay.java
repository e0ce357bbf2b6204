package io.edgescope.eval.policy;

import io.edgescope.eval.AreaRange;
import io.edgescope.eval.CocoEvaluator;
import io.edgescope.eval.FrameData;
import io.edgescope.eval.RealtimeSimulator;
import io.edgescope.eval.ScoredBox;
import io.edgescope.roma.Box;
import io.edgescope.roma.SelectionPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Replays a policy on a timeline: one detector takes the newest frame whenever it is free (frames
 * arriving meanwhile are dropped), the policy picks the variant for that frame, the latency is drawn
 * from what was measured for that variant under the load of the moment, and the frame gets that
 * variant's detections. Then every frame is scored with the latest result finished before the next
 * frame arrived ({@link RealtimeSimulator}).
 */
public final class PolicyReplay {

    private static final CocoEvaluator AP50 = new CocoEvaluator(List.of(AreaRange.ALL));

    private PolicyReplay() {
    }

    public static PolicyRun run(Timeline timeline, DetectionBank bank, LatencySampler latencies, SelectionPolicy policy, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Shot> shots = timeline.shots();
        int n = shots.size();
        double interval = timeline.intervalMillis();
        double[] arrival = new double[n];
        double[] finish = new double[n];
        List<List<ScoredBox>> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            arrival[i] = timeline.arrivalMillis(i);
            finish[i] = Double.POSITIVE_INFINITY;
            results.add(List.of());
        }
        Map<String, Integer> processed = new TreeMap<>();
        int switches = 0;
        String last = null;
        double free = 0;
        int next = 0;
        while (next < n) {
            double start = Math.max(free, arrival[next]);
            int pick = RealtimeSimulator.newestArrived(arrival, next, start);
            if (policy instanceof KnowsTheFuture oracle) {
                oracle.upcoming(pick);
            }
            String variant = policy.next(interval);
            double latency = latencies.sample(timeline.conditionAt(start), variant, random);
            Shot shot = shots.get(pick);
            List<ScoredBox> boxes = bank.boxes(shot.clip(), variant, shot.sourceFrame());
            results.set(pick, boxes);
            finish[pick] = start + latency;
            free = finish[pick];
            // the replayed latency tables time the detector alone: no time besides it
            policy.observe(variant, asBoxes(boxes), shot.width(), shot.height(), pick, latency, 0);
            processed.merge(variant, 1, Integer::sum);
            switches += last != null && !last.equals(variant) ? 1 : 0;
            last = variant;
            next = pick + 1;
        }
        List<FrameData> frames = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            frames.add(new FrameData(i, shots.get(i).truth(), results.get(i)));
        }
        RealtimeSimulator.Replay replay = RealtimeSimulator.observed(arrival, finish, interval);
        List<FrameData> shown = replay.shown(frames);
        Map<String, List<FrameData>> byPart = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byPart.computeIfAbsent(timeline.partOf(i), k -> new ArrayList<>()).add(shown.get(i));
        }
        Map<String, Double> partAp = new LinkedHashMap<>();
        byPart.forEach((part, list) -> partAp.put(part, AP50.evaluate(list).ap50()));
        return new PolicyRun(policy.name(), AP50.evaluate(shown).ap50(), partAp, processed, switches, replay.droppedFraction());
    }

    /** AP50 of a variant on a timeline with no frame dropped and no delay (every frame shows its own boxes). */
    public static double offlineAp50(Timeline timeline, DetectionBank bank, String variantId) {
        List<FrameData> frames = new ArrayList<>();
        for (int i = 0; i < timeline.shots().size(); i++) {
            Shot shot = timeline.shots().get(i);
            frames.add(new FrameData(i, shot.truth(), bank.boxes(shot.clip(), variantId, shot.sourceFrame())));
        }
        return AP50.evaluate(frames).ap50();
    }

    /** A variant's boxes on every frame of a timeline, as ROMA sees them. */
    public static List<List<Box>> boxes(Timeline timeline, DetectionBank bank, String variantId) {
        List<List<Box>> out = new ArrayList<>();
        for (Shot shot : timeline.shots()) {
            out.add(asBoxes(bank.boxes(shot.clip(), variantId, shot.sourceFrame())));
        }
        return out;
    }

    /** Scored detections as the boxes a selection policy is shown (scores dropped). */
    public static List<Box> asBoxes(List<ScoredBox> boxes) {
        return boxes.stream().map(b -> new Box(b.x(), b.y(), b.width(), b.height())).toList();
    }

    /** The oracle's schedule: for each part of the timeline, the fixed variant with the best real-time AP50 there. */
    public static Map<String, String> bestFixedByPart(Map<String, PolicyRun> fixedRunsByVariant) {
        Map<String, String> best = new LinkedHashMap<>();
        Map<String, Double> bestAp = new LinkedHashMap<>();
        fixedRunsByVariant.forEach((variant, run) -> run.ap50ByPart().forEach((part, ap) -> {
            double score = Double.isNaN(ap) ? -1 : ap;
            if (!bestAp.containsKey(part) || score > bestAp.get(part)) {
                bestAp.put(part, score);
                best.put(part, variant);
            }
        }));
        return best;
    }
}
