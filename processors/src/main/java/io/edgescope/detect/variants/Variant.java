package io.edgescope.detect.variants;

import io.edgescope.assets.Asset;
import io.edgescope.detect.hog.HogPeopleDetector;
import io.edgescope.detect.onnx.ModelFamily;
import java.util.List;
import java.util.Optional;

/**
 * A detector variant of the catalogue: an architecture at one input size. YOLOX-Nano sizes other
 * than the shipped one are derived from it; FastestDet runs as shipped.
 */
public record Variant(String id, ModelFamily family, int inputSize) {

    /** The size of the shipped YOLOX-Nano model: its variant needs no derivation. */
    public static final int NATIVE_SIZE = 416;
    private static final int FASTESTDET_SIZE = 352;
    public static final Variant DEFAULT = yolox(NATIVE_SIZE);

    /** Every variant EdgeScope offers: the classical baseline, a lighter architecture, then YOLOX-Nano by size. */
    public static final List<Variant> CATALOGUE = List.of(
            new Variant(HogPeopleDetector.VARIANT_ID, ModelFamily.HOG, HogPeopleDetector.WORK_WIDTH),
            new Variant(ModelFamily.FASTESTDET.variantId(FASTESTDET_SIZE), ModelFamily.FASTESTDET, FASTESTDET_SIZE),
            yolox(256), yolox(320), DEFAULT, yolox(512), yolox(640));

    private static Variant yolox(int size) {
        return new Variant(ModelFamily.YOLOX.variantId(size), ModelFamily.YOLOX, size);
    }

    /** The shipped model file this variant runs or is derived from; none for HOG (built into OpenCV). */
    public Optional<Asset> asset() {
        return switch (family) {
            case FASTESTDET -> Optional.of(Asset.FASTESTDET);
            case YOLOX -> Optional.of(Asset.YOLOX_NANO);
            case HOG -> Optional.empty();
        };
    }

    /** Whether the model file must be derived from the shipped one (a YOLOX size other than 416). */
    public boolean derived() {
        return family == ModelFamily.YOLOX && inputSize != NATIVE_SIZE;
    }

    /**
     * The variant with the highest AP (0.50:0.95) on every labelled sequence we have (docs/evaluation.md):
     * the one whose boxes make pseudo ground truth.
     */
    public static final Variant MOST_ACCURATE = CATALOGUE.get(CATALOGUE.size() - 1);

    public static Optional<Variant> byId(String id) {
        return CATALOGUE.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    /** The variants of {@code ids}, in order; an unknown id is refused with the list of known ones. */
    public static java.util.List<Variant> allById(java.util.List<String> ids) {
        return ids.stream().map(id -> byId(id).orElseThrow(() -> new IllegalArgumentException("Unknown variant " + id + "; one of "
                + ids()))).toList();
    }

    /** Names every variant, for messages. */
    public static String ids() {
        return String.join(", ", CATALOGUE.stream().map(Variant::id).toList());
    }
}
