package io.edgescope.detect.onnx;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.types.Shape;
import io.edgescope.detect.BgrImage;
import io.edgescope.detect.DetectorFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * An ONNX detector model loaded once through DJL's ONNX Runtime engine; hands out one
 * {@link OnnxDetector} (its own predictor) per thread. Checks at load that the model has a square
 * {@code [1,3,S,S]} input and, with a warm-up inference, the output its family expects for S.
 */
public final class OnnxDetectorModel implements DetectorFactory {

    static final String ENGINE = "OnnxRuntime";
    private static final int INPUT_RANK = 4;
    private static final int CHANNEL_DIM = 1;
    private static final int HEIGHT_DIM = 2;
    private static final int WIDTH_DIM = 3;
    private static final int WARMUP_SIDE = 64;
    private static final String ONNX_SUFFIX = ".onnx";
    /** DJL's ORT engine takes a prepared SessionOptions under this option key. */
    private static final String SESSION_OPTIONS = "sessionOptions";
    /** ONNX Runtime session config key (onnxruntime_session_options_config_keys.h). */

    private final Path path;
    private final Model model;
    private final OrtSession.SessionOptions sessionOptions;
    private final int inputSize;
    private final ModelFamily family;
    private final DetectorSettings settings;

    private OnnxDetectorModel(Path path, Model model, OrtSession.SessionOptions sessionOptions, int inputSize,
                              ModelFamily family, DetectorSettings settings) {
        this.family = family;
        this.path = path;
        this.model = model;
        this.sessionOptions = sessionOptions;
        this.inputSize = inputSize;
        this.settings = settings;
    }

    /** Loads and validates the model at {@code path}; throws {@link ModelLoadException} with the reason. */
    public static OnnxDetectorModel load(Path path, ModelFamily family, DetectorSettings settings) {
        if (!Files.isRegularFile(path)) {
            throw new ModelLoadException("Model file not found: " + path);
        }
        int inputSize = probeInputSize(path);
        OrtSession.SessionOptions sessionOptions = sessionOptions(settings);
        Model model;
        try {
            model = open(path, sessionOptions);
        } catch (RuntimeException e) {
            sessionOptions.close();
            throw e;
        }
        OnnxDetectorModel loaded = new OnnxDetectorModel(path, model, sessionOptions, inputSize, family, settings);
        try {
            loaded.newDetector().close(); // one warm-up inference: proves the model runs and has its family's output size
        } catch (RuntimeException e) {
            loaded.close();
            throw e;
        }
        return loaded;
    }

    public int inputSize() {
        return inputSize;
    }

    public Path path() {
        return path;
    }

    @Override
    public String variantId() {
        return family.variantId(inputSize);
    }

    /** A new detector with its own predictor, warmed up with one inference and checked for output size. */
    @Override
    public OnnxDetector newDetector() {
        Predictor<float[], float[]> predictor = model.newPredictor(
                new FloatTensorTranslator(new Shape(1, BgrImage.CHANNELS, inputSize, inputSize)));
        OnnxDetector detector = new OnnxDetector(variantId(), family.preprocessor(inputSize), predictor,
                family.decoder(inputSize, settings), settings.nmsIou());
        try {
            detector.detect(new BgrImage(WARMUP_SIDE, WARMUP_SIDE, new byte[WARMUP_SIDE * WARMUP_SIDE * BgrImage.CHANNELS]));
        } catch (IllegalArgumentException e) {
            detector.close();
            throw new ModelLoadException("Model " + path + " is not a " + family + " COCO detector: " + e.getMessage(), e);
        }
        return detector;
    }

    /** NDArrays alive under the model's manager, detectors' per-inference managers included (DJL tracks them). */
    @Override
    public long openNativeArrays() {
        return model.getNDManager().getManagedArrays().size();
    }

    @Override
    public void close() {
        model.close();
        sessionOptions.close();
    }

    private static int probeInputSize(Path path) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             OrtSession session = OrtRuntime.environment().createSession(path.toString(), options)) {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            if (inputs.size() != 1) {
                throw new ModelLoadException("Model " + path + " should have one input, has " + inputs.size());
            }
            NodeInfo input = inputs.values().iterator().next();
            long[] shape = input.getInfo() instanceof TensorInfo tensor ? tensor.getShape() : new long[0];
            if (shape.length != INPUT_RANK || shape[CHANNEL_DIM] != BgrImage.CHANNELS
                    || shape[HEIGHT_DIM] != shape[WIDTH_DIM] || shape[HEIGHT_DIM] <= 0) {
                throw new ModelLoadException("Model " + path + " input " + input.getName() + " has shape "
                        + Arrays.toString(shape) + "; expected [1, 3, S, S] with a fixed S");
            }
            return (int) shape[HEIGHT_DIM];
        } catch (OrtException e) {
            throw new ModelLoadException("Model " + path + " is not a valid ONNX model: " + e.getMessage(), e);
        }
    }

    private static Model open(Path path, OrtSession.SessionOptions sessionOptions) {
        Model model = Model.newInstance(modelName(path), ENGINE);
        try {
            model.load(path.getParent(), modelName(path), Map.of(SESSION_OPTIONS, sessionOptions));
            return model;
        } catch (IOException e) {
            model.close();
            throw new ModelLoadException("Cannot read model " + path + ": " + e.getMessage(), e);
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            throw new ModelLoadException("Model " + path + " is not a valid ONNX model: " + rootMessage(e), e);
        }
    }

    /**
     * Session options: a fixed number of intra-op threads, one inter-op thread, and intra-op spinning
     * as configured. Without spinning, idle ORT workers sleep instead of busy-waiting, leaving the
     * cores to the Kafka threads that share them.
     */
    static OrtSession.SessionOptions sessionOptions(DetectorSettings settings) {
        return OrtRuntime.options(settings.intraOpThreads(), settings.spinning());
    }

    private static String modelName(Path path) {
        String file = path.getFileName().toString();
        return file.endsWith(ONNX_SUFFIX) ? file.substring(0, file.length() - ONNX_SUFFIX.length()) : file;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
