package io.edgescope.split;

import java.util.Map;

/**
 * What Scission's benchmark measured on one tier (device or edge) for one detector.
 *
 * @param slowdown factor the measured times were multiplied by (emulating a slower device on this host; 1 = as measured)
 * @param fullMillis preprocessing and the whole model on one frame
 * @param jpegEncodeMillis resizing the frame to the model's input size and encoding it as JPEG (edge-only, device side)
 * @param jpegDecodeMillis decoding the frame sent as JPEG at the model's input size (edge-only)
 * @param jpegBytes bytes of that JPEG (what edge-only sends)
 * @param cuts per cut id: head and tail times and, per transfer layer, bytes and encode/decode times
 */
public record TierProfile(String tier, String host, int threads, double slowdown, String model, double fullMillis,
                          double jpegEncodeMillis, double jpegDecodeMillis, long jpegBytes, Map<String, CutTiming> cuts) {

    public TierProfile {
        cuts = Map.copyOf(cuts);
    }

    /**
     * One cut's measurements.
     *
     * @param order position of the cut in the graph (for listing)
     * @param headMillis preprocessing and the head
     * @param tailMillis the tail and box decoding
     * @param bytes payload bytes per transfer layer
     * @param encodeMillis device-side transfer-layer time per layer
     * @param decodeMillis edge-side transfer-layer time per layer
     */
    public record CutTiming(int order, int tensors, double headMillis, double tailMillis, Map<String, Long> bytes,
                            Map<String, Double> encodeMillis, Map<String, Double> decodeMillis) {
        public CutTiming {
            bytes = Map.copyOf(bytes);
            encodeMillis = Map.copyOf(encodeMillis);
            decodeMillis = Map.copyOf(decodeMillis);
        }
    }
}
