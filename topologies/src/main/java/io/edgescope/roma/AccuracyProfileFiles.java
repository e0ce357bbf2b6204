package io.edgescope.roma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * ROMA's accuracy profile as JSON: {@code {"sizeEdges": [...], "measuredOn": [...], "variants": [{"variantId",
 * "ap50", "ap50BySize", "recallBySize", "precisionBySize", "latencyMillis"}]}}; sizes not measured are null
 * (and a profile without precisionBySize reads as not measured). The profile
 * shipped with EdgeScope is a resource in this format.
 */
public final class AccuracyProfileFiles {

    /** The profile measured on the labelled MOTChallenge sequences with {@code edgescope roma profile}, shipped in the jar. */
    public static final String SHIPPED = "/io/edgescope/roma/accuracy-profile.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AccuracyProfileFiles() {
    }

    /** A profile with the sequences it was measured on. */
    public record Loaded(AccuracyProfile profile, List<String> measuredOn) {
    }

    /** The profile at {@code path}, or the shipped one when {@code path} is blank (config roma.profile). */
    public static Loaded configured(String path) {
        return path == null || path.isBlank() ? load(AccuracyProfileFiles.class.getResourceAsStream(SHIPPED), SHIPPED) : load(Path.of(path));
    }

    public static void write(AccuracyProfile profile, List<String> measuredOn, Path file) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode edges = root.putArray("sizeEdges");
        profile.buckets().edges().forEach(edges::add);
        ArrayNode sources = root.putArray("measuredOn");
        measuredOn.forEach(sources::add);
        ArrayNode variants = root.putArray("variants");
        for (VariantAccuracy v : profile.variants().values()) {
            ObjectNode n = variants.addObject().put("variantId", v.variantId()).put("ap50", v.ap50()).put("latencyMillis", v.latencyMillis());
            numbers(n.putArray("ap50BySize"), v.ap50BySize());
            numbers(n.putArray("recallBySize"), v.recallBySize());
            numbers(n.putArray("precisionBySize"), v.precisionBySize());
        }
        try {
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write accuracy profile " + file, e);
        }
    }

    public static AccuracyProfile read(Path file) {
        return load(file).profile();
    }

    /** The profile shipped with EdgeScope. */
    public static AccuracyProfile shipped() {
        return configured("").profile();
    }

    private static Loaded load(Path file) {
        try {
            return load(Files.newInputStream(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read accuracy profile " + file + ": " + e.getMessage(), e);
        }
    }

    private static Loaded load(InputStream stream, String source) {
        if (stream == null) {
            throw new IllegalStateException("The accuracy profile " + source + " is missing");
        }
        try (InputStream in = stream) {
            JsonNode root = JSON.readTree(in);
            List<String> measuredOn = new ArrayList<>();
            root.path("measuredOn").forEach(n -> measuredOn.add(n.asText()));
            return new Loaded(parse(root, source), List.copyOf(measuredOn));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read accuracy profile " + source + ": " + e.getMessage(), e);
        }
    }

    /** {@code profile} restricted to {@code ids} (in that order); unknown ids are refused. */
    public static AccuracyProfile only(AccuracyProfile profile, List<String> ids) {
        List<VariantAccuracy> kept = new ArrayList<>();
        for (String id : ids) {
            kept.add(profile.variant(id));
        }
        return AccuracyProfile.of(profile.buckets(), kept);
    }

    private static AccuracyProfile parse(JsonNode root, String source) {
        if (!root.has("sizeEdges") || !root.has("variants")) {
            throw new IllegalArgumentException(source + " is not an accuracy profile (needs sizeEdges and variants)");
        }
        List<Double> edges = new ArrayList<>();
        root.get("sizeEdges").forEach(e -> edges.add(e.asDouble()));
        List<VariantAccuracy> variants = new ArrayList<>();
        for (JsonNode v : root.get("variants")) {
            String id = v.get("variantId").asText();
            double ap50 = v.get("ap50").asDouble();
            double latency = v.get("latencyMillis").asDouble();
            double[] ap = numbers(v.get("ap50BySize"));
            double[] recall = numbers(v.get("recallBySize"));
            variants.add(v.has("precisionBySize") ? new VariantAccuracy(id, ap50, ap, recall, numbers(v.get("precisionBySize")), latency)
                    : new VariantAccuracy(id, ap50, ap, recall, latency));
        }
        return AccuracyProfile.of(new SizeBuckets(edges), variants);
    }

    private static void numbers(ArrayNode out, double[] values) {
        for (double v : values) {
            if (Double.isNaN(v)) {
                out.addNull();
            } else {
                out.add(v);
            }
        }
    }

    private static double[] numbers(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).isNull() ? Double.NaN : array.get(i).asDouble();
        }
        return out;
    }
}
