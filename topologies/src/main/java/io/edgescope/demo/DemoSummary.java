package io.edgescope.demo;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What {@code summary.json} holds. Latencies are capture to annotated frame written, in milliseconds. */
public record DemoSummary(
        @JsonProperty("frames_in") long framesIn,
        @JsonProperty("frames_out") long framesOut,
        @JsonProperty("detections") long detections,
        @JsonProperty("dead_letters") long deadLetters,
        @JsonProperty("fps") double fps,
        @JsonProperty("latency_p50_ms") double latencyP50Millis,
        @JsonProperty("latency_p99_ms") double latencyP99Millis,
        @JsonProperty("variant") String variant,
        @JsonProperty("input") String input) {
}
