package io.edgescope.image;

import io.edgescope.detect.BgrImage;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/** Conversions between OpenCV mats and {@link BgrImage}. */
public final class Mats {

    private Mats() {
    }

    /** Copies a CV_8UC3 (or grey/BGRA, converted) mat into a new BgrImage. */
    public static BgrImage toBgrImage(Mat mat) {
        OpenCv.load();
        Mat bgr = mat;
        if (!ImageCodec.isBgr(mat)) {
            bgr = new Mat();
            int code = mat.channels() == 1 ? Imgproc.COLOR_GRAY2BGR : Imgproc.COLOR_BGRA2BGR;
            Imgproc.cvtColor(mat, bgr, code);
        }
        byte[] pixels = new byte[(int) (bgr.total() * bgr.channels())];
        Mat continuous = bgr.isContinuous() ? bgr : bgr.clone();
        continuous.get(0, 0, pixels);
        BgrImage image = new BgrImage(bgr.cols(), bgr.rows(), pixels);
        if (continuous != bgr) {
            continuous.release();
        }
        if (bgr != mat) {
            bgr.release();
        }
        return image;
    }

    /** A new CV_8UC3 mat holding a copy of the image. Caller releases it. */
    public static Mat fromBgrImage(BgrImage image) {
        OpenCv.load();
        Mat mat = new Mat(image.height(), image.width(), CvType.CV_8UC3);
        mat.put(0, 0, image.pixels());
        return mat;
    }

    /** {@code image} resized to {@code width x height} (bilinear). */
    public static BgrImage resize(BgrImage image, int width, int height) {
        return resize(image, width, height, org.opencv.imgproc.Imgproc.INTER_LINEAR);
    }

    /** {@code image} shrunk to {@code width x height} by pixel-area averaging: as a camera of that resolution would see it, without aliasing. */
    private static BgrImage shrink(BgrImage image, int width, int height) {
        return resize(image, width, height, org.opencv.imgproc.Imgproc.INTER_AREA);
    }

    /**
     * {@code image} shrunk by {@code factor} (pixel-area averaging) and centred on a canvas of its own size filled with
     * {@code fill}: the same scene seen wider, every object {@code factor} times as large. Box coordinates map as
     * {@code x * factor + (1 - factor) * width / 2} (and alike for y).
     */
    public static BgrImage zoomOut(BgrImage image, double factor, int fill) {
        int w = Math.max(1, (int) Math.round(image.width() * factor));
        int h = Math.max(1, (int) Math.round(image.height() * factor));
        BgrImage small = shrink(image, w, h);
        byte[] canvas = new byte[image.pixels().length];
        java.util.Arrays.fill(canvas, (byte) fill);
        int left = (int) Math.round((1 - factor) * image.width() / 2);
        int top = (int) Math.round((1 - factor) * image.height() / 2);
        int rowBytes = w * BgrImage.CHANNELS;
        for (int y = 0; y < h; y++) {
            System.arraycopy(small.pixels(), y * rowBytes, canvas, ((top + y) * image.width() + left) * BgrImage.CHANNELS, rowBytes);
        }
        return new BgrImage(image.width(), image.height(), canvas);
    }

    private static BgrImage resize(BgrImage image, int width, int height, int interpolation) {
        Mat source = fromBgrImage(image);
        Mat resized = new Mat();
        try {
            org.opencv.imgproc.Imgproc.resize(source, resized, new org.opencv.core.Size(width, height), 0, 0, interpolation);
            return toBgrImage(resized);
        } finally {
            source.release();
            resized.release();
        }
    }
}
