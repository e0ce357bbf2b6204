package io.edgescope.image;

import io.edgescope.detect.BgrImage;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

/** JPEG/PNG decoding and JPEG encoding with OpenCV, guarded against corrupt and oversized images. */
public final class ImageCodec {

    /** Default JPEG quality for frames sent to Kafka. */
    public static final int DEFAULT_JPEG_QUALITY = 90;

    private final long maxPixels;

    /** @param maxPixels largest width x height accepted before decoding (decompression-bomb guard) */
    public ImageCodec(long maxPixels) {
        OpenCv.load();
        this.maxPixels = maxPixels;
    }

    /** Decodes an encoded image to BGR, or throws {@link InvalidImageException} saying why not. */
    public BgrImage decode(byte[] encoded) {
        if (encoded == null || encoded.length == 0) {
            throw new InvalidImageException("empty image (0 bytes)");
        }
        ImageHeader.Size declared = ImageHeader.read(encoded)
                .orElseThrow(() -> new InvalidImageException("not a JPEG or PNG image (" + encoded.length + " bytes)"));
        if (declared.width() <= 0 || declared.height() <= 0) {
            throw new InvalidImageException("image declares a non-positive size " + declared.width() + "x" + declared.height());
        }
        if (declared.pixels() > maxPixels) {
            throw new InvalidImageException("image declares " + declared.width() + "x" + declared.height()
                    + " = " + declared.pixels() + " pixels, over the limit of " + maxPixels);
        }
        if (!ImageHeader.isComplete(encoded)) {
            throw new InvalidImageException("truncated image: no end-of-image marker (" + encoded.length + " bytes)");
        }
        Mat mat = Imgcodecs.imdecode(new MatOfByte(encoded), Imgcodecs.IMREAD_COLOR);
        try {
            if (mat.empty()) {
                throw new InvalidImageException("corrupt image: decoder returned nothing (" + encoded.length + " bytes)");
            }
            return Mats.toBgrImage(mat);
        } finally {
            mat.release();
        }
    }

    /** Encodes to JPEG at {@code quality} (0-100). */
    public static byte[] encodeJpeg(Mat bgr, int quality) {
        OpenCv.load();
        MatOfByte out = new MatOfByte();
        try {
            if (!Imgcodecs.imencode(".jpg", bgr, out, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality))) {
                throw new IllegalStateException("JPEG encoding failed");
            }
            return out.toArray();
        } finally {
            out.release();
        }
    }

    /** Encodes a BGR image to JPEG at {@code quality}. */
    public static byte[] encodeJpeg(BgrImage image, int quality) {
        Mat mat = Mats.fromBgrImage(image);
        try {
            return encodeJpeg(mat, quality);
        } finally {
            mat.release();
        }
    }

    static boolean isBgr(Mat mat) {
        return mat.type() == CvType.CV_8UC3;
    }
}
