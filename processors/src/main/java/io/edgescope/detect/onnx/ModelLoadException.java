package io.edgescope.detect.onnx;

/** A model file that is missing, unreadable or not the model we expect. The message says which and why. */
public class ModelLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
