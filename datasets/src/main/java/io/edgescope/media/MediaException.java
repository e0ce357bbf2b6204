package io.edgescope.media;

/** A source that cannot be opened or read; the message names it and says why. */
public class MediaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }

    public MediaException(String message) {
        super(message);
    }
}
