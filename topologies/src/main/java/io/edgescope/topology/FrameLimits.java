package io.edgescope.topology;

/**
 * What the detection topology accepts.
 *
 * @param maxFrameBytes largest encoded image
 * @param maxDecodedPixels largest declared width x height
 */
public record FrameLimits(int maxFrameBytes, long maxDecodedPixels) {
}
