package io.edgescope.topology;

import io.edgescope.schemas.CandidateEstimate;
import io.edgescope.schemas.Detections;
import io.edgescope.schemas.Telemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The telemetry aggregation: folds frame outcomes into one {@link Telemetry} record per stream and window. */
public final class TelemetryWindows {

    private static final double P50 = 50;
    private static final double P99 = 99;
    private static final double MILLIS_PER_SECOND = 1000.0;

    private TelemetryWindows() {
    }

    static Telemetry empty() {
        return Telemetry.newBuilder().setStreamId("").setWindowStart(Instant.EPOCH).setWindowEnd(Instant.EPOCH)
                .setFramesIn(0).setFramesProcessed(0).setFramesDropped(0).setFpsIn(0).setFpsOut(0)
                .setProcessingP50Millis(0).setProcessingP99Millis(0).setLatencyP50Millis(0).setLatencyP99Millis(0)
                .setProcessingHistogram(LatencyHistogram.empty()).setLatencyHistogram(LatencyHistogram.empty()).build();
    }

    static Telemetry add(String streamId, FrameOutcome o, Telemetry t, Duration window) {
        Telemetry.Builder b = Telemetry.newBuilder(t).setStreamId(streamId).setPolicy(o.policy()).setFramesIn(t.getFramesIn() + 1);
        double seconds = window.toMillis() / MILLIS_PER_SECOND;
        if (o.skipped()) {
            b.setFramesDropped(t.getFramesDropped() + 1);
        } else {
            Detections d = o.detections();
            List<Integer> processing = new ArrayList<>(t.getProcessingHistogram());
            List<Integer> latency = new ArrayList<>(t.getLatencyHistogram());
            increment(processing, d.getProcessingMillis());
            increment(latency, d.getLatencyMillis());
            Map<String, Integer> byVariant = new HashMap<>(t.getFramesByVariant());
            byVariant.merge(d.getVariantId(), 1, Integer::sum);
            boolean switched = t.getActiveVariant() != null && !t.getActiveVariant().equals(d.getVariantId());
            b.setFramesProcessed(t.getFramesProcessed() + 1).setProcessingHistogram(processing).setLatencyHistogram(latency)
                    .setProcessingP50Millis((float) LatencyHistogram.percentile(processing, P50))
                    .setProcessingP99Millis((float) LatencyHistogram.percentile(processing, P99))
                    .setLatencyP50Millis((float) LatencyHistogram.percentile(latency, P50))
                    .setLatencyP99Millis((float) LatencyHistogram.percentile(latency, P99))
                    .setFramesByVariant(byVariant).setActiveVariant(d.getVariantId()).setSwitches(t.getSwitches() + (switched ? 1 : 0));
        }
        if (o.decision() != null) {
            Map<String, Float> estimates = new HashMap<>();
            for (CandidateEstimate e : o.decision().getEstimates()) {
                estimates.put(e.getVariantId(), e.getRealtimeAp());
            }
            b.setDecisions(t.getDecisions() + 1).setEstimatedRealtimeAp(estimates);
        }
        Telemetry out = b.build();
        out.setFpsIn((float) (out.getFramesIn() / seconds));
        out.setFpsOut((float) (out.getFramesProcessed() / seconds));
        return out;
    }

    private static void increment(List<Integer> histogram, double millis) {
        int bucket = LatencyHistogram.bucketOf(millis);
        histogram.set(bucket, histogram.get(bucket) + 1);
    }

    /** A copy stamped with its window. */
    public static Telemetry inWindow(Telemetry t, long startMillis, long endMillis) {
        return Telemetry.newBuilder(t).setWindowStart(Instant.ofEpochMilli(startMillis)).setWindowEnd(Instant.ofEpochMilli(endMillis)).build();
    }
}
