package io.edgescope.topology;

import io.edgescope.roma.Decision;
import io.edgescope.roma.Estimate;
import io.edgescope.schemas.CandidateEstimate;
import io.edgescope.schemas.RomaDecision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A ROMA {@link Decision} as the published {@link RomaDecision} record. */
final class RomaDecisions {

    private static final double NANOS_PER_MICRO = 1000.0;

    private RomaDecisions() {
    }

    static RomaDecision of(String streamId, Decision d, Instant at) {
        List<Float> shares = new ArrayList<>();
        if (d.sizes() != null) {
            for (double s : d.sizes()) {
                shares.add((float) s);
            }
        }
        List<CandidateEstimate> estimates = new ArrayList<>();
        for (Estimate e : d.estimates()) {
            estimates.add(CandidateEstimate.newBuilder().setVariantId(e.variantId()).setExpectedAp((float) e.expectedAp())
                    .setLatencyMillis((float) e.latencyMillis()).setRetention((float) e.retention()).setRealtimeAp((float) e.realtimeAp())
                    .setOthersApChange(d.othersApChange().getOrDefault(e.variantId(), 0.0).floatValue()).build());
        }
        return RomaDecision.newBuilder().setStreamId(streamId).setSequence(d.frameIndex()).setDecidedAt(at).setReason(d.reason())
                .setFromVariant(d.previousId()).setToVariant(d.variantId()).setLoadFactor((float) d.loadFactor())
                .setMedianSpeed((float) d.medianSpeed()).setIntervalMillis((float) d.intervalMillis()).setSizeShares(shares)
                .setEstimates(estimates).setDecisionMicros((float) (d.decisionNanos() / NANOS_PER_MICRO)).build();
    }
}
