package io.edgescope.split;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.edgescope.detect.onnx.OrtRuntime;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one ONNX model (a whole detector, a head or a tail) on float32 tensors with ONNX Runtime:
 * the adapter the split benchmarks and the device/edge processors use. One per thread.
 */
public final class OrtModelRunner implements AutoCloseable {

    private final OrtEnvironment env = OrtRuntime.environment();
    private final OrtSession.SessionOptions options;
    private final OrtSession session;

    /** A runner whose idle ONNX Runtime workers sleep (the benchmarks' setting). */
    public OrtModelRunner(byte[] onnx, int threads) {
        this(onnx, threads, false);
    }

    /** @param spinning let idle ONNX Runtime workers busy-wait for work (config detector.spinning) */
    public OrtModelRunner(byte[] onnx, int threads, boolean spinning) {
        try {
            options = OrtRuntime.options(threads, spinning);
            session = env.createSession(onnx, options);
        } catch (OrtException e) {
            throw new IllegalArgumentException("ONNX Runtime cannot load the model: " + e.getMessage(), e);
        }
    }

    /** The model's input names, in order. */
    public List<String> inputNames() {
        return new ArrayList<>(session.getInputNames());
    }

    /** Runs the model on {@code inputs}; returns every output as float32. */
    public List<Activation> run(List<Activation> inputs) {
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            for (Activation a : inputs) {
                feed.put(a.name(), OnnxTensor.createTensor(env, FloatBuffer.wrap(a.values()), a.shape()));
            }
            try (OrtSession.Result result = session.run(feed)) {
                List<Activation> out = new ArrayList<>();
                for (Map.Entry<String, OnnxValue> e : result) {
                    OnnxTensor t = (OnnxTensor) e.getValue();
                    FloatBuffer buffer = t.getFloatBuffer();
                    float[] values = new float[buffer.remaining()];
                    buffer.get(values);
                    out.add(new Activation(e.getKey(), t.getInfo().getShape(), values));
                }
                return out;
            }
        } catch (OrtException e) {
            throw new IllegalArgumentException("Inference failed: " + e.getMessage(), e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot close the ONNX Runtime session", e);
        } finally {
            options.close();
        }
    }
}
