package io.edgescope.detect.yolox;

import io.edgescope.detect.BgrImage;
import io.edgescope.detect.Letterbox;
import io.edgescope.detect.Preprocessor;
import io.edgescope.image.Mats;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * YOLOX input: letterbox to the top-left of a square (pad 114), BGR order, values 0-255 as float,
 * planar CHW, no mean/std normalisation.
 */
public final class YoloxPreprocessor implements Preprocessor {

    private final int inputSize;

    public YoloxPreprocessor(int inputSize) {
        this.inputSize = inputSize;
    }

    /** Fills {@code tensor} (length 3 x size x size) and returns the letterbox used. */
    @Override
    public Letterbox preprocess(BgrImage image, float[] tensor) {
        Letterbox box = Letterbox.of(image.width(), image.height(), inputSize);
        byte[] resized = resize(image, box);
        int plane = inputSize * inputSize;
        java.util.Arrays.fill(tensor, Letterbox.PAD_VALUE);
        int src = 0;
        for (int y = 0; y < box.resizedHeight(); y++) {
            int rowStart = y * inputSize;
            for (int x = 0; x < box.resizedWidth(); x++) {
                int dst = rowStart + x;
                tensor[dst] = resized[src++] & 0xFF;
                tensor[plane + dst] = resized[src++] & 0xFF;
                tensor[2 * plane + dst] = resized[src++] & 0xFF;
            }
        }
        return box;
    }

    /** Number of floats in one input tensor. */
    @Override
    public int tensorLength() {
        return BgrImage.CHANNELS * inputSize * inputSize;
    }

    private static byte[] resize(BgrImage image, Letterbox box) {
        if (box.resizedWidth() == image.width() && box.resizedHeight() == image.height()) {
            return image.pixels();
        }
        Mat source = Mats.fromBgrImage(image);
        Mat resized = new Mat();
        try {
            Imgproc.resize(source, resized, new Size(box.resizedWidth(), box.resizedHeight()), 0, 0, Imgproc.INTER_LINEAR);
            byte[] out = new byte[box.resizedWidth() * box.resizedHeight() * BgrImage.CHANNELS];
            resized.get(0, 0, out);
            return out;
        } finally {
            source.release();
            resized.release();
        }
    }
}
