package io.edgescope.app;

/** Kafka refused this client: wrong credentials or a missing ACL; the message says which. */
public class KafkaAccessDeniedException extends KafkaUnavailableException {
    private static final long serialVersionUID = 1L;

    public KafkaAccessDeniedException(String message, Throwable cause) {
        super(message, cause);
    }
}
