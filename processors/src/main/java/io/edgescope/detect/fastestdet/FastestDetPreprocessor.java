package io.edgescope.detect.fastestdet;

import io.edgescope.detect.BgrImage;
import io.edgescope.detect.Detection;
import io.edgescope.detect.InputMapping;
import io.edgescope.detect.Preprocessor;
import io.edgescope.image.Mats;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** FastestDet input: plain resize to a square (no letterbox), BGR, values / 255, planar CHW. */
public final class FastestDetPreprocessor implements Preprocessor {

    private static final float MAX_VALUE = 255f;
    private final int inputSize;

    public FastestDetPreprocessor(int inputSize) {
        this.inputSize = inputSize;
    }

    @Override
    public int tensorLength() {
        return BgrImage.CHANNELS * inputSize * inputSize;
    }

    @Override
    public InputMapping preprocess(BgrImage image, float[] tensor) {
        Mat source = Mats.fromBgrImage(image);
        Mat resized = new Mat();
        byte[] pixels = new byte[inputSize * inputSize * BgrImage.CHANNELS];
        try {
            Imgproc.resize(source, resized, new Size(inputSize, inputSize), 0, 0, Imgproc.INTER_LINEAR);
            resized.get(0, 0, pixels);
        } finally {
            source.release();
            resized.release();
        }
        int plane = inputSize * inputSize;
        for (int i = 0, p = 0; i < plane; i++) {
            tensor[i] = (pixels[p++] & 0xFF) / MAX_VALUE;
            tensor[plane + i] = (pixels[p++] & 0xFF) / MAX_VALUE;
            tensor[2 * plane + i] = (pixels[p++] & 0xFF) / MAX_VALUE;
        }
        return stretch(image.width(), image.height(), inputSize);
    }

    /** Maps network pixels back through a plain (aspect-changing) resize, clipped to the image. */
    static InputMapping stretch(int width, int height, int inputSize) {
        double sx = (double) width / inputSize;
        double sy = (double) height / inputSize;
        return d -> {
            float x1 = clip((float) (d.x() * sx), width);
            float y1 = clip((float) (d.y() * sy), height);
            float x2 = clip((float) ((d.x() + d.width()) * sx), width);
            float y2 = clip((float) ((d.y() + d.height()) * sy), height);
            return new Detection(d.classId(), d.label(), d.score(), x1, y1, x2 - x1, y2 - y1);
        };
    }

    private static float clip(float v, int max) {
        return Math.max(0f, Math.min(max, v));
    }
}
