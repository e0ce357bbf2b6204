package io.edgescope.image;

import io.edgescope.detect.Detection;
import java.util.List;
import java.util.Locale;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/** Draws boxes with label and score on a BGR mat, one colour per class. */
public final class BoxPainter {

    private static final int THICKNESS = 2;
    private static final double FONT_SCALE = 0.5;
    private static final int TEXT_MARGIN = 4;
    private static final int GOLDEN_HUE_STEP = 47;
    private static final int CHANNEL_MAX = 255;
    private static final int[] BASE = {56, 153, 230};

    private BoxPainter() {
    }

    public static void paint(Mat bgr, List<Detection> detections) {
        OpenCv.load();
        for (Detection d : detections) {
            Scalar colour = colour(d.classId());
            Point topLeft = new Point(d.x(), d.y());
            Imgproc.rectangle(bgr, topLeft, new Point(d.x() + d.width(), d.y() + d.height()), colour, THICKNESS);
            String text = String.format(Locale.ROOT, "%s %.2f", d.label(), d.score());
            Point textAt = new Point(d.x(), Math.max(d.y() - TEXT_MARGIN, TEXT_MARGIN * 3));
            Imgproc.putText(bgr, text, textAt, Imgproc.FONT_HERSHEY_SIMPLEX, FONT_SCALE, colour, 1, Imgproc.LINE_AA);
        }
    }

    private static Scalar colour(int classId) {
        int shift = classId * GOLDEN_HUE_STEP;
        return new Scalar((BASE[0] + shift) % CHANNEL_MAX, (BASE[1] + 2 * shift) % CHANNEL_MAX, (BASE[2] + 3 * shift) % CHANNEL_MAX);
    }
}
