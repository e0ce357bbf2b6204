package io.edgescope.topology;

/** A frame the detection topology refuses (empty, over the size limit); it goes to the dead-letter topic. */
public class FrameRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FrameRejectedException(String message) {
        super(message);
    }
}
