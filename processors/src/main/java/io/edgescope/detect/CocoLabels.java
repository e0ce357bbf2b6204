package io.edgescope.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The 80 COCO class names in model index order (0 = person). */
public final class CocoLabels {

    public static final int PERSON = 0;
    private static final String RESOURCE = "coco.names";
    private static final List<String> NAMES = load();

    private CocoLabels() {
    }

    public static List<String> names() {
        return NAMES;
    }

    private static List<String> load() {
        try (InputStream in = CocoLabels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
