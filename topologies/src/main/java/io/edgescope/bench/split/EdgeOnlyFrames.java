package io.edgescope.bench.split;

import io.edgescope.detect.BgrImage;
import io.edgescope.detect.Letterbox;
import io.edgescope.image.ImageCodec;
import io.edgescope.image.Mats;

/** Edge-only offloading's payload: the frame resized to the model's input size (aspect kept) as JPEG. */
final class EdgeOnlyFrames {

    private EdgeOnlyFrames() {
    }

    static byte[] jpeg(BgrImage frame, int inputSize, int quality) {
        Letterbox box = Letterbox.of(frame.width(), frame.height(), inputSize);
        return ImageCodec.encodeJpeg(Mats.resize(frame, box.resizedWidth(), box.resizedHeight()), quality);
    }
}
