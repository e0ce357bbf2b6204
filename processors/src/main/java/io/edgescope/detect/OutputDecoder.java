package io.edgescope.detect;

import java.util.List;

/** Turns a model's raw output into candidate boxes in network-input pixels, before NMS. */
@FunctionalInterface
public interface OutputDecoder {
    List<Detection> decode(float[] output);
}
