package io.edgescope.demo;

import io.edgescope.stats.LatencyRecorder;

/** What the renderer has seen of one stream. Used by the renderer thread only; read via snapshots. */
final class StreamStats {

    private final LatencyRecorder latency = new LatencyRecorder();
    private long framesOut;
    private long boxes;
    private long firstMillis = -1;
    private long lastMillis;

    void record(long nowMillis, double latencyMillis, int boxCount) {
        if (firstMillis < 0) {
            firstMillis = nowMillis;
        }
        lastMillis = nowMillis;
        framesOut++;
        boxes += boxCount;
        latency.record(latencyMillis);
    }

    StreamSnapshot snapshot(String streamId) {
        double seconds = (lastMillis - firstMillis) / MILLIS_PER_SECOND;
        double fps = framesOut > 1 && seconds > 0 ? (framesOut - 1) / seconds : 0;
        return new StreamSnapshot(streamId, framesOut, boxes, fps, latency.percentile(P50), latency.percentile(P99));
    }

    static final double P50 = 50;
    static final double P99 = 99;
    private static final double MILLIS_PER_SECOND = 1000.0;
}
