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
        Mat source = fromBgrImage(image);
        Mat resized = new Mat();
        try {
            org.opencv.imgproc.Imgproc.resize(source, resized, new org.opencv.core.Size(width, height), 0, 0,
                    org.opencv.imgproc.Imgproc.INTER_LINEAR);
            return toBgrImage(resized);
        } finally {
            source.release();
            resized.release();
        }
    }
}
