package io.edgescope.topology;

import io.edgescope.detect.Detection;
import io.edgescope.roma.AccuracyProfile;
import io.edgescope.roma.Box;
import io.edgescope.roma.Decision;
import io.edgescope.roma.RomaSelector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ROMA for the streams of one processor (one task): a selector per stream, created at its first
 * ROMA frame and kept in memory (after a rebalance a stream re-learns within a few frames), seated
 * on the process's shared cores (a stream that stops publishing stops counting there). A
 * decision to switch starts loading the new variant, so the stream never waits for it.
 */
final class RomaStreams {

    private final RomaContext context;
    private final DetectorProvider detectors;
    private final Map<String, RomaSelector> selectors = new HashMap<>();

    RomaStreams(RomaContext context, DetectorProvider detectors) {
        this.context = context;
        this.detectors = detectors;
    }

    boolean enabled() {
        return context.profile().isPresent();
    }

    /** The variant ROMA runs next on {@code streamId}. */
    String wanted(String streamId) {
        return selector(streamId).current();
    }

    /** The stream's detector starts on a frame (so the contention it runs under on the shared cores is measured). */
    void detecting(String streamId) {
        selector(streamId).detecting();
    }

    /**
     * Feeds a processed frame to the stream's selector — its detector's latency and the time spent on it besides the detector
     * (decoding it) — and returns a decision when one was due.
     */
    Optional<Decision> observe(String streamId, String variantRan, List<Detection> detections, int width, int height, long sequence,
                               double latencyMillis, double overheadMillis, double intervalMillis) {
        RomaSelector selector = selector(streamId);
        selector.observe(variantRan, detections.stream().map(d -> new Box(d.x(), d.y(), d.width(), d.height())).toList(), width, height,
                sequence, latencyMillis, overheadMillis);
        if (Double.isNaN(intervalMillis)) {
            return Optional.empty();
        }
        Optional<Decision> decision = selector.decide(intervalMillis);
        decision.filter(Decision::switched).ifPresent(d -> detectors.prepare(d.variantId()));
        return decision;
    }

    private RomaSelector selector(String streamId) {
        return selectors.computeIfAbsent(streamId, id -> {
            AccuracyProfile profile = context.profile().orElseThrow();
            String initial = profile.variants().containsKey(detectors.defaultVariant()) ? detectors.defaultVariant()
                    : profile.middleByLatency();
            return new RomaSelector(profile, context.settings(), initial, context.cores().join());
        });
    }
}
