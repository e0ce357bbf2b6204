package io.edgescope.image;

/** An image that cannot be used: empty, corrupt, truncated, of an unknown format or too large. */
public class InvalidImageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidImageException(String message) {
        super(message);
    }
}
