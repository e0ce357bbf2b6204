package io.edgescope.bench.soak;

/**
 * One reading of the soaking process.
 *
 * @param seconds since the start
 * @param rssMib resident set size (Java heap, metaspace, native: ONNX Runtime, FFmpeg, Kafka buffers)
 * @param heapAfterGcMib Java heap in use after the last collection (live data, not garbage)
 * @param lag frames waiting for detection (end offsets minus the detection group's committed offsets)
 * @param framesDetected frames the detection group has committed so far
 * @param nativeArrays native arrays the detector models hold
 */
public record SoakSample(double seconds, double rssMib, double heapAfterGcMib, long lag, long framesDetected, long nativeArrays) {
}
