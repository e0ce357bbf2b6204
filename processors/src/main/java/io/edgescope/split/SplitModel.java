package io.edgescope.split;

/** A model cut in two: the head's ONNX bytes (graph input → crossing tensors) and the tail's (crossing tensors → graph output). */
public record SplitModel(CutPoint cut, byte[] head, byte[] tail) {
}
