package io.edgescope.bench.split;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgescope.split.TierProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Tier profiles as JSON files (the records' own field names), so a profile measured on a real device can be imported. */
public final class TierProfiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TierProfiles() {
    }

    public static void write(TierProfile profile, Path file) {
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), profile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write tier profile " + file, e);
        }
    }

    public static TierProfile read(Path file) {
        try {
            return JSON.readValue(file.toFile(), TierProfile.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a tier profile (edgescope scission benchmark --out): " + file + ": " + e.getMessage(), e);
        }
    }
}
