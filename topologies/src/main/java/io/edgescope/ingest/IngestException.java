package io.edgescope.ingest;

/** Ingest could not deliver frames; the message says why. */
public class IngestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
