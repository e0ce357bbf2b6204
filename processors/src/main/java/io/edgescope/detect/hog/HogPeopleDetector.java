package io.edgescope.detect.hog;

import io.edgescope.detect.BgrImage;
import io.edgescope.detect.CocoLabels;
import io.edgescope.detect.Detection;
import io.edgescope.detect.DetectionResult;
import io.edgescope.detect.Detector;
import io.edgescope.detect.Nms;
import io.edgescope.detect.StageTimings;
import io.edgescope.detect.onnx.ModelFamily;
import io.edgescope.image.Mats;
import io.edgescope.image.OpenCv;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.MatOfRect;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.HOGDescriptor;

/**
 * The classical baseline: OpenCV's HOG + linear SVM people detector (Dalal-Triggs), no neural
 * network. Frames are scaled to a fixed width first; SVM margins become scores through a logistic.
 */
public final class HogPeopleDetector implements Detector {

    /** Width frames are scaled to before detection (the detector's cost grows with the pixel count). */
    public static final int WORK_WIDTH = 480;
    public static final String VARIANT_ID = ModelFamily.HOG.variantId(WORK_WIDTH);
    private static final Size WIN_STRIDE = new Size(8, 8);
    private static final Size PADDING = new Size(8, 8);
    private static final double SCALE_STEP = 1.05;
    private static final double GROUP_THRESHOLD = 2;
    private static final double NANOS_PER_MILLI = 1_000_000.0;
    private static final double MARGIN_X = 0.1;
    private static final double MARGIN_Y = 0.07;
    private static final double KEEP = 0.8;

    private final HOGDescriptor hog;
    private final float scoreThreshold;
    private final float nmsIou;

    public HogPeopleDetector(float scoreThreshold, float nmsIou) {
        OpenCv.load();
        this.hog = new HOGDescriptor();
        hog.setSVMDetector(HOGDescriptor.getDefaultPeopleDetector());
        this.scoreThreshold = scoreThreshold;
        this.nmsIou = nmsIou;
    }

    @Override
    public String variantId() {
        return VARIANT_ID;
    }

    @Override
    public DetectionResult detect(BgrImage image) {
        long t0 = System.nanoTime();
        double scale = Math.min(1.0, (double) WORK_WIDTH / image.width());
        Mat source = Mats.fromBgrImage(image);
        Mat work = new Mat();
        MatOfRect found = new MatOfRect();
        MatOfDouble weights = new MatOfDouble();
        long t1;
        long t2;
        List<Detection> boxes = new ArrayList<>();
        try {
            Imgproc.resize(source, work, new Size(Math.round(image.width() * scale), Math.round(image.height() * scale)));
            t1 = System.nanoTime();
            hog.detectMultiScale(work, found, weights, 0, WIN_STRIDE, PADDING, SCALE_STEP, GROUP_THRESHOLD, false);
            t2 = System.nanoTime();
            Rect[] rects = found.empty() ? new Rect[0] : found.toArray();
            double[] margins = weights.empty() ? new double[0] : weights.toArray();
            for (int i = 0; i < rects.length; i++) {
                float score = (float) (1 / (1 + Math.exp(-(i < margins.length ? margins[i] : 0))));
                if (score >= scoreThreshold) {
                    Rect r = rects[i];
                    // the detection window has margins around the person; tighten as OpenCV's peopledetect sample does
                    double x = r.x + r.width * MARGIN_X;
                    double y = r.y + r.height * MARGIN_Y;
                    boxes.add(new Detection(CocoLabels.PERSON, CocoLabels.names().get(CocoLabels.PERSON), score,
                            (float) (x / scale), (float) (y / scale), (float) (r.width * KEEP / scale), (float) (r.height * KEEP / scale)));
                }
            }
        } finally {
            source.release();
            work.release();
            found.release();
            weights.release();
        }
        List<Detection> kept = Nms.classWise(boxes, nmsIou);
        long t3 = System.nanoTime();
        return new DetectionResult(kept, new StageTimings((t1 - t0) / NANOS_PER_MILLI, (t2 - t1) / NANOS_PER_MILLI,
                (t3 - t2) / NANOS_PER_MILLI));
    }

    @Override
    public void close() {
        // HOGDescriptor memory is released with the object
    }
}
