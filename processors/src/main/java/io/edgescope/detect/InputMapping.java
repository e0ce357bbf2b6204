package io.edgescope.detect;

/** Maps a box from network-input pixels back to the source image's pixels. */
@FunctionalInterface
public interface InputMapping {
    Detection toSource(Detection inNetworkPixels);
}
