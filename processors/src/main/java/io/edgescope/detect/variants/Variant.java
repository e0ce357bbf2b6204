package io.edgescope.detect.variants;

import java.util.List;
import java.util.Optional;

/** A detector variant of the catalogue: YOLOX-Nano at one input size, derived from the shipped model. */
public record Variant(String id, int inputSize) {

    public static final String PREFIX = "yolox-nano-";
    /** The size of the shipped model: its variant needs no derivation. */
    public static final int NATIVE_SIZE = 416;
    public static final Variant DEFAULT = new Variant(PREFIX + NATIVE_SIZE, NATIVE_SIZE);

    /** Every variant EdgeScope offers, fastest first. */
    public static final List<Variant> CATALOGUE = List.of(new Variant(PREFIX + 256, 256), new Variant(PREFIX + 320, 320),
            DEFAULT, new Variant(PREFIX + 512, 512), new Variant(PREFIX + 640, 640));

    /**
     * The variant with the highest AP (0.50:0.95) on every labelled sequence we have (docs/evaluation.md):
     * the one whose boxes make pseudo ground truth.
     */
    public static final Variant MOST_ACCURATE = CATALOGUE.get(CATALOGUE.size() - 1);

    public static Optional<Variant> byId(String id) {
        return CATALOGUE.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    /** Names every variant, for messages. */
    public static String ids() {
        return String.join(", ", CATALOGUE.stream().map(Variant::id).toList());
    }
}
