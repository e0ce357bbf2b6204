/**
 * Split inference (Scission, ScissionLite): where an ONNX detector can be cut into a head (run on the
 * device) and a tail (run on the edge), the head and tail models themselves, and the transfer layers
 * that shrink what crosses the cut. The graph logic is pure (protobuf bytes in, bytes out).
 */
package io.edgescope.split;
