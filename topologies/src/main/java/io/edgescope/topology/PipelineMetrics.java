package io.edgescope.topology;

/**
 * Where the detection topology reports per-stream counts and times (the app's Prometheus metrics);
 * no Kafka or metrics library here. Implementations are thread-safe.
 */
public interface PipelineMetrics {

    PipelineMetrics NONE = new PipelineMetrics() {
        @Override
        public void frameIn(String streamId) {
            // nothing
        }

        @Override
        public void frameSkipped(String streamId, SkipReason reason) {
            // nothing
        }

        @Override
        public void frameProcessed(String streamId, String variantId, double processingMillis, double latencyMillis) {
            // nothing
        }

        @Override
        public void romaEstimate(String streamId, String variantId, double realtimeAp) {
            // nothing
        }
    };

    void frameIn(String streamId);

    /** A frame of a real-time stream skipped: stale, or over the stream's fps cap. */
    void frameSkipped(String streamId, SkipReason reason);

    void frameProcessed(String streamId, String variantId, double processingMillis, double latencyMillis);

    /** ROMA's latest estimated real-time AP50 of a candidate for a stream. */
    void romaEstimate(String streamId, String variantId, double realtimeAp);
}
