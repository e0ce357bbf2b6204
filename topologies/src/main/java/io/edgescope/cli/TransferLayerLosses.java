package io.edgescope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the AP50 loss per cut and transfer layer from the JSON {@code scission tl --out} writes. */
final class TransferLayerLosses {

    private TransferLayerLosses() {
    }

    static Map<String, Map<String, Double>> read(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            Map<String, Map<String, Double>> out = new LinkedHashMap<>();
            for (JsonNode row : root.path("splits")) {
                out.computeIfAbsent(row.path("cut").asText(), c -> new LinkedHashMap<>()).put(row.path("layer").asText(),
                        row.path("apLoss").asDouble());
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("no transfer-layer rows in " + file + " (write it with edgescope scission tl --out)");
            }
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read transfer-layer accuracy " + file + ": " + e.getMessage(), e);
        }
    }
}
