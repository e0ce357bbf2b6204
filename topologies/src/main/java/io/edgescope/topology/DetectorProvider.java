package io.edgescope.topology;

import io.edgescope.detect.Detector;
import java.util.Optional;

/**
 * Gives a processor the detector of a variant for the thread it runs on. The provider owns the
 * detectors and closes them; processors never do. Asking for a variant that is not loaded yet
 * starts loading it in the background and answers empty, so the stream thread never waits for a
 * model load.
 */
public interface DetectorProvider {

    /** The variant every stream runs unless its profile says otherwise; always loaded. */
    String defaultVariant();

    /** Whether {@code variantId} is in the catalogue. */
    boolean knows(String variantId);

    /** The current thread's detector for {@code variantId}, if that variant is loaded. */
    Optional<Detector> forCurrentThread(String variantId);

    /** Starts loading {@code variantId} in the background if it is not loaded. */
    default void prepare(String variantId) {
        prepare(variantId, failure -> { });
    }

    /** As {@link #prepare(String)}; {@code onFailure} is told (on the loading thread) if the variant fails to load. */
    void prepare(String variantId, java.util.function.Consumer<Exception> onFailure);
}
