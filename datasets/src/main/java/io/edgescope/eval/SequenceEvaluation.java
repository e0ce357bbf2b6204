package io.edgescope.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Offline and real-time AP of a detection set against a MOTChallenge sequence. */
public final class SequenceEvaluation {

    private static final double MILLIS_PER_SECOND = 1000.0;

    private SequenceEvaluation() {
    }

    /** Every frame of the sequence (1..length) with its truth and detections. */
    public static List<FrameData> frames(MotSequence sequence, DetectionSet detections) {
        List<FrameData> out = new ArrayList<>(sequence.length());
        for (int f = 1; f <= sequence.length(); f++) {
            out.add(new FrameData(f, sequence.truthOf(f), detections.of(f)));
        }
        return out;
    }

    /**
     * Offline and real-time AP of a live run: frame i (1-based) arrived at {@code arrivalMillis} and its
     * detections were published at {@code finishMillis}; frames missing from {@code finishMillis} were
     * never processed and are assumed to have arrived on the sequence's frame clock.
     */
    public static EvaluationReport evaluateLive(MotSequence sequence, DetectionSet detections, Map<Integer, Double> arrivalMillis,
                                                Map<Integer, Double> finishMillis) {
        Live live = live(sequence, detections, arrivalMillis, finishMillis);
        CocoEvaluator evaluator = CocoEvaluator.coco();
        return new EvaluationReport(sequence.name(), detections.variantId(), live.frames().size(), evaluator.evaluate(live.frames()),
                evaluator.evaluate(live.replay().shown(live.frames())), live.replay().droppedFraction(), live.replay().meanStalenessFrames(),
                sequence.pseudoGroundTruthBy());
    }

    /**
     * Real-time AP50 of a live run per time window: for each window start (epoch ms, windows of {@code windowMillis}),
     * the AP50 of what was shown on the frames that arrived in it; windows without ground truth are left out.
     */
    public static Map<Long, Double> liveAp50ByWindow(MotSequence sequence, DetectionSet detections, Map<Integer, Double> arrivalMillis,
                                                     Map<Integer, Double> finishMillis, List<Long> windowStarts, long windowMillis) {
        Live live = live(sequence, detections, arrivalMillis, finishMillis);
        List<FrameData> shown = live.replay().shown(live.frames());
        CocoEvaluator evaluator = new CocoEvaluator(List.of(AreaRange.ALL));
        Map<Long, Double> out = new java.util.LinkedHashMap<>();
        for (long start : windowStarts) {
            List<FrameData> in = new ArrayList<>();
            for (int i = 0; i < shown.size(); i++) {
                if (live.arrival()[i] >= start && live.arrival()[i] < start + windowMillis) {
                    in.add(shown.get(i));
                }
            }
            double ap = in.isEmpty() ? Double.NaN : evaluator.evaluate(in).ap50();
            if (!Double.isNaN(ap)) {
                out.put(start, ap);
            }
        }
        return out;
    }

    /** A live run replayed: the sequence's frames, their arrival times and what was shown. */
    private record Live(List<FrameData> frames, double[] arrival, RealtimeSimulator.Replay replay) {
    }

    private static Live live(MotSequence sequence, DetectionSet detections, Map<Integer, Double> arrivalMillis,
                             Map<Integer, Double> finishMillis) {
        List<FrameData> frames = frames(sequence, detections);
        if (arrivalMillis.isEmpty()) {
            throw new IllegalArgumentException("No detections of this stream were found");
        }
        double period = MILLIS_PER_SECOND / sequence.fps();
        int first = arrivalMillis.keySet().stream().min(Integer::compare).orElseThrow();
        double origin = arrivalMillis.get(first) - (first - 1) * period;
        double[] arrival = new double[frames.size()];
        double[] finish = new double[frames.size()];
        for (int i = 0; i < frames.size(); i++) {
            int frame = frames.get(i).frame();
            arrival[i] = arrivalMillis.getOrDefault(frame, origin + i * period);
            finish[i] = finishMillis.getOrDefault(frame, Double.POSITIVE_INFINITY);
        }
        return new Live(frames, arrival, RealtimeSimulator.observed(arrival, finish, period));
    }

    /** Real-time AP50 if the same frames, with the same measured latencies, came at each of {@code rates} fps. */
    public static Map<Double, Double> realtimeAp50ByFps(MotSequence sequence, DetectionSet detections, List<Double> rates,
                                                         double latencyOverrideMillis) {
        Map<Double, Double> out = new java.util.LinkedHashMap<>();
        for (double fps : rates) {
            out.put(fps, evaluate(sequence.atFps(fps), detections, true, latencyOverrideMillis).realtime().ap50());
        }
        return out;
    }

    /**
     * @param realtime also replay the stream at the sequence's fps with the detections' measured latencies
     *                 ({@code latencyOverrideMillis} >= 0 replaces them by one fixed latency)
     */
    public static EvaluationReport evaluate(MotSequence sequence, DetectionSet detections, boolean realtime,
                                            double latencyOverrideMillis) {
        return evaluate(sequence, detections, realtime, latencyOverrideMillis, AreaRange.COCO);
    }

    /** As {@link #evaluate(MotSequence, DetectionSet, boolean, double)}, with AP per the given size buckets. */
    public static EvaluationReport evaluate(MotSequence sequence, DetectionSet detections, boolean realtime,
                                            double latencyOverrideMillis, List<AreaRange> buckets) {
        List<FrameData> frames = frames(sequence, detections);
        CocoEvaluator evaluator = new CocoEvaluator(buckets);
        ApResult offline = evaluator.evaluate(frames);
        if (!realtime) {
            return new EvaluationReport(sequence.name(), detections.variantId(), frames.size(), offline, null, 0, 0, sequence.pseudoGroundTruthBy());
        }
        if (sequence.fps() <= 0) {
            throw new IllegalArgumentException("Sequence " + sequence.name() + " has no frame rate for a real-time replay");
        }
        double period = MILLIS_PER_SECOND / sequence.fps();
        double[] arrival = new double[frames.size()];
        double[] latency = new double[frames.size()];
        for (int i = 0; i < frames.size(); i++) {
            arrival[i] = i * period;
            int frame = frames.get(i).frame();
            latency[i] = latencyOverrideMillis >= 0 ? latencyOverrideMillis
                    : detections.latencyOf(frame).orElseThrow(() -> new IllegalArgumentException(
                            "No measured latency for frame " + frame + ": use JSON Lines from detect, or give a latency"));
        }
        RealtimeSimulator.Replay replay = RealtimeSimulator.replay(arrival, latency, period);
        ApResult shown = evaluator.evaluate(replay.shown(frames));
        return new EvaluationReport(sequence.name(), detections.variantId(), frames.size(), offline, shown, replay.droppedFraction(),
                replay.meanStalenessFrames(), sequence.pseudoGroundTruthBy());
    }
}
