package io.edgescope.split;

import java.util.List;

/**
 * What crosses the cut, as bytes: the device side encodes the head's output tensors, the edge side
 * decodes them back to tensors of the same names and shapes for the tail. Stateless and thread-safe.
 */
public interface TransferLayer {

    /** Id used in plans, e.g. {@code fp16+zstd}. */
    String id();

    byte[] encode(List<Activation> tensors);

    List<Activation> decode(byte[] payload);

    /** Whether the layer can carry these tensors (e.g. pooling needs 4-D maps with even sides). */
    default boolean accepts(List<Activation> tensors) {
        return true;
    }
}
