package io.edgescope.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgescope.media.MediaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Detections of one sequence by 1-based frame number, read from either format {@code detect}
 * writes: JSON Lines of {@code Detections} records (frame = sequence + 1, only boxes of the wanted
 * class, with the measured per-frame processing time) or MOTChallenge {@code det.txt}
 * ({@code frame,-1,left,top,width,height,score,-1,-1,-1}; no latencies).
 *
 * @param variantId the detector variant that made them (JSON Lines), or the file name
 */
public record DetectionSet(Map<Integer, List<ScoredBox>> boxes, Map<Integer, Double> latencyMillis, String variantId) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MOT_MIN_COLUMNS = 7;
    private static final int MOT_SCORE = 6;

    public DetectionSet {
        boxes = Map.copyOf(boxes);
        latencyMillis = Map.copyOf(latencyMillis);
    }

    public List<ScoredBox> of(int frame) {
        return boxes.getOrDefault(frame, List.of());
    }

    /**
     * Writes the set as JSON Lines that {@link #read(Path, String)} reads back (one line per frame with
     * its sequence = frame - 1, variant, processing time and boxes labelled {@code label}).
     */
    public void write(Path file, String label) {
        java.util.SortedSet<Integer> frames = new java.util.TreeSet<>(boxes.keySet());
        frames.addAll(latencyMillis.keySet());
        try (java.io.BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int frame : frames) {
                com.fasterxml.jackson.databind.node.ObjectNode line = JSON.createObjectNode();
                line.put("sequence", frame - 1L).put("variantId", variantId);
                if (latencyMillis.containsKey(frame)) {
                    line.put("processingMillis", latencyMillis.get(frame));
                }
                com.fasterxml.jackson.databind.node.ArrayNode list = line.putArray("boxes");
                for (ScoredBox b : of(frame)) {
                    list.addObject().put("label", label).put("score", b.score()).put("x", b.x()).put("y", b.y())
                            .put("width", b.width()).put("height", b.height());
                }
                out.write(JSON.writeValueAsString(line));
                out.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write detections " + file, e);
        }
    }

    /** Processing time measured for a frame, when the file has it. */
    public OptionalDouble latencyOf(int frame) {
        Double v = latencyMillis.get(frame);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** Reads {@code file}: {@code .txt} as MOTChallenge det.txt, anything else as JSON Lines keeping {@code label}. */
    public static DetectionSet read(Path file, String label) {
        try {
            List<String> lines = Files.readAllLines(file);
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt") ? mot(lines, file) : jsonl(lines, label, file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read detections " + file, e);
        }
    }

    static DetectionSet mot(List<String> lines, Path file) {
        Map<Integer, List<ScoredBox>> boxes = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length < MOT_MIN_COLUMNS) {
                throw new MediaException(file + ":" + (i + 1) + ": a det.txt line needs at least 7 columns");
            }
            int frame = (int) Double.parseDouble(f[0].strip());
            boxes.computeIfAbsent(frame, k -> new ArrayList<>()).add(new ScoredBox(Float.parseFloat(f[2].strip()),
                    Float.parseFloat(f[3].strip()), Float.parseFloat(f[4].strip()), Float.parseFloat(f[5].strip()),
                    Float.parseFloat(f[MOT_SCORE].strip())));
        }
        return new DetectionSet(boxes, Map.of(), file.getFileName().toString());
    }

    static DetectionSet jsonl(List<String> lines, String label, Path file) throws IOException {
        Map<Integer, List<ScoredBox>> boxes = new TreeMap<>();
        Map<Integer, Double> latency = new TreeMap<>();
        String variant = file.getFileName().toString();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode record = JSON.readTree(lines.get(i));
            if (!record.has("sequence") || !record.has("boxes")) {
                throw new MediaException(file + ":" + (i + 1) + ": not a Detections record (no sequence/boxes)");
            }
            int frame = record.get("sequence").asInt() + 1;
            List<ScoredBox> list = boxes.computeIfAbsent(frame, k -> new ArrayList<>());
            for (JsonNode b : record.get("boxes")) {
                if (label == null || label.equals(b.path("label").asText())) {
                    list.add(new ScoredBox((float) b.get("x").asDouble(), (float) b.get("y").asDouble(),
                            (float) b.get("width").asDouble(), (float) b.get("height").asDouble(), (float) b.get("score").asDouble()));
                }
            }
            if (record.hasNonNull("variantId")) {
                variant = record.get("variantId").asText();
            }
            if (record.has("processingMillis")) {
                latency.put(frame, record.get("processingMillis").asDouble());
            }
        }
        return new DetectionSet(boxes, latency, variant);
    }
}
