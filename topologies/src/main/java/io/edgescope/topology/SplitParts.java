package io.edgescope.topology;

import io.edgescope.split.SplitHead;
import io.edgescope.split.SplitPlanId;
import io.edgescope.split.SplitTail;

/**
 * Gives split-stream processors the device head and edge tail of a plan. Each call returns a new part
 * for the calling processor (one per thread), which closes it; a plan that names an unknown cut or
 * layer is refused with the reason.
 */
public interface SplitParts {

    /** The detector variant that is cut, e.g. yolox-nano-416. */
    String variantId();

    SplitHead head(SplitPlanId plan);

    SplitTail tail(SplitPlanId plan);
}
