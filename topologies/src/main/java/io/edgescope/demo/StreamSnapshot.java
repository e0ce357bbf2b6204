package io.edgescope.demo;

/** Per-stream progress of a demo run: frames with detections, boxes, output fps, end-to-end latency. */
public record StreamSnapshot(String streamId, long framesOut, long boxes, double fps, double latencyP50Millis,
                             double latencyP99Millis) {
}
