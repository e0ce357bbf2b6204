package io.edgescope.app;

/** Kafka could not be reached or refused an administrative request; the message says which. */
public class KafkaUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
