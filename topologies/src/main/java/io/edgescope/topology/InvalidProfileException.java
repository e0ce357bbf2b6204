package io.edgescope.topology;

/** A stream profile that cannot be applied; it goes to the profiles' dead-letter topic and the stream keeps its last good profile. */
public class InvalidProfileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidProfileException(String message) {
        super(message);
    }
}
