package io.edgescope.console;

import io.edgescope.schemas.BoundingBox;
import io.edgescope.schemas.Detections;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an analyst asks of the detections: a stream (or all), a capture-time range, a class and a
 * minimum score. A record matches when it is in range and, if a class or score is asked, keeps at least
 * one box that has them; only those boxes are kept.
 *
 * @param stream stream id, or null for every stream
 * @param from first capture time included, or null
 * @param to last capture time included, or null
 * @param label class name (e.g. person), or null for every class
 * @param minScore lowest box score kept (0: all)
 */
public record DetectionFilter(String stream, Instant from, Instant to, String label, float minScore) {

    /** Parses query parameters: stream, from, to (ISO-8601 instants), class, minScore. */
    public static DetectionFilter of(Map<String, String> query) {
        float minScore = query.containsKey("minScore") && !query.get("minScore").isBlank() ? Float.parseFloat(query.get("minScore")) : 0f;
        if (minScore < 0 || minScore > 1) {
            throw new IllegalArgumentException("minScore must be in [0, 1]");
        }
        return new DetectionFilter(blankToNull(query.get("stream")), instant(query.get("from")), instant(query.get("to")),
                blankToNull(query.get("class")), minScore);
    }

    /** {@code d} with only the boxes asked for, or empty when it does not match. */
    public Optional<Detections> apply(Detections d) {
        if (stream != null && !stream.equals(d.getStreamId())) {
            return Optional.empty();
        }
        if (from != null && d.getCaptureTime().isBefore(from) || to != null && d.getCaptureTime().isAfter(to)) {
            return Optional.empty();
        }
        if (label == null && minScore <= 0) {
            return Optional.of(d);
        }
        List<BoundingBox> kept = d.getBoxes().stream().filter(b -> (label == null || label.equals(b.getLabel())) && b.getScore() >= minScore)
                .toList();
        return kept.isEmpty() ? Optional.empty() : Optional.of(Detections.newBuilder(d).setBoxes(kept).build());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Instant instant(String s) {
        try {
            return s == null || s.isBlank() ? null : Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("times must be ISO-8601 instants like 2026-11-25T10:00:00Z, got " + s);
        }
    }
}
