package io.edgescope.bench.roma;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgescope.eval.policy.LatencySampler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/** Latencies measured per load condition and variant; sampled uniformly by the replay. */
record LatencyTable(Map<String, Map<String, double[]>> samples) implements LatencySampler {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public double sample(String condition, String variantId, SplittableRandom random) {
        double[] s = of(condition, variantId);
        return s[random.nextInt(s.length)];
    }

    double median(String condition, String variantId) {
        double[] s = of(condition, variantId).clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** The latencies measured for a variant under a condition. */
    double[] samples(String condition, String variantId) {
        return of(condition, variantId).clone();
    }

    /** Whether every variant was measured under every condition. */
    boolean covers(Iterable<String> conditions, Iterable<String> variantIds) {
        for (String c : conditions) {
            for (String v : variantIds) {
                if (!samples.containsKey(c) || !samples.get(c).containsKey(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Writes the table as JSON: condition → variant → latencies in ms. */
    void write(Path file) {
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), samples);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the latency table " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a table written by {@link #write(Path)}. */
    static LatencyTable read(Path file) {
        try {
            return new LatencyTable(JSON.readValue(Files.readAllBytes(file), new TypeReference<Map<String, Map<String, double[]>>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the latency table " + file + ": " + e.getMessage(), e);
        }
    }

    private double[] of(String condition, String variantId) {
        Map<String, double[]> byVariant = samples.get(condition);
        if (byVariant == null || !byVariant.containsKey(variantId)) {
            throw new IllegalArgumentException("no latency measured for " + variantId + " under " + condition);
        }
        return byVariant.get(variantId);
    }
}
