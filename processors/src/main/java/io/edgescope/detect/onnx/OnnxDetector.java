package io.edgescope.detect.onnx;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import io.edgescope.detect.BgrImage;
import io.edgescope.detect.Detection;
import io.edgescope.detect.DetectionResult;
import io.edgescope.detect.Detector;
import io.edgescope.detect.InputMapping;
import io.edgescope.detect.OutputDecoder;
import io.edgescope.detect.Preprocessor;
import io.edgescope.detect.Nms;
import io.edgescope.detect.StageTimings;
import java.util.List;

/** The ONNX Runtime adapter of the {@link Detector} port: preprocess, one predictor (one thread), decode, class-wise NMS. */
public final class OnnxDetector implements Detector {

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final String variantId;
    private final Predictor<float[], float[]> predictor;
    private final Preprocessor preprocessor;
    private final OutputDecoder decoder;
    private final float nmsIou;
    private final float[] tensor;

    OnnxDetector(String variantId, Preprocessor preprocessor, Predictor<float[], float[]> predictor, OutputDecoder decoder,
                 float nmsIou) {
        this.variantId = variantId;
        this.predictor = predictor;
        this.preprocessor = preprocessor;
        this.decoder = decoder;
        this.nmsIou = nmsIou;
        this.tensor = new float[preprocessor.tensorLength()];
    }

    @Override
    public String variantId() {
        return variantId;
    }

    @Override
    public DetectionResult detect(BgrImage image) {
        long t0 = System.nanoTime();
        InputMapping box = preprocessor.preprocess(image, tensor);
        long t1 = System.nanoTime();
        float[] output;
        try {
            output = predictor.predict(tensor);
        } catch (TranslateException e) {
            throw new IllegalStateException("Inference failed on " + variantId + ": " + e.getMessage(), e);
        }
        long t2 = System.nanoTime();
        List<Detection> kept = Nms.classWise(decoder.decode(output), nmsIou).stream().map(box::toSource).toList();
        long t3 = System.nanoTime();
        return new DetectionResult(kept, new StageTimings(ms(t1 - t0), ms(t2 - t1), ms(t3 - t2)));
    }

    @Override
    public void close() {
        predictor.close();
    }

    private static double ms(long nanos) {
        return nanos / NANOS_PER_MILLI;
    }
}
