package io.edgescope.detect.onnx;

import ai.djl.engine.Engine;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * The one ONNX Runtime environment of the process and the session options every session uses. DJL's
 * engine creates the environment (with its settings) the first time; sessions opened directly
 * through ONNX Runtime must come after it, or DJL cannot start any more.
 */
public final class OrtRuntime {

    static final String ALLOW_SPINNING = "session.intra_op.allow_spinning";
    private static final String ENGINE = OnnxDetectorModel.ENGINE;

    private OrtRuntime() {
    }

    /** The process's environment, created by DJL's ONNX Runtime engine if nobody did yet. */
    public static OrtEnvironment environment() {
        Engine.getEngine(ENGINE);
        return OrtEnvironment.getEnvironment();
    }

    /** Options with {@code threads} intra-op threads, one inter-op thread, spinning as asked. Caller closes them. */
    public static OrtSession.SessionOptions options(int threads, boolean spinning) {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.setInterOpNumThreads(1);
            options.setIntraOpNumThreads(threads);
            options.addConfigEntry(ALLOW_SPINNING, spinning ? "1" : "0");
            return options;
        } catch (OrtException e) {
            options.close();
            throw new ModelLoadException("Cannot configure ONNX Runtime: " + e.getMessage(), e);
        }
    }
}
