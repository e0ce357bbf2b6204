package io.edgescope.eval.policy;

/** From {@code startMillis} on (until the next phase), the host runs under {@code condition} (e.g. idle, cpu-load, streams-4). */
public record LoadPhase(double startMillis, String condition) {
}
