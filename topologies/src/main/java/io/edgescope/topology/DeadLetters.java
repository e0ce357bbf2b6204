package io.edgescope.topology;

/**
 * Where records that Kafka Streams' built-in dead-letter queue cannot reach go (the global thread,
 * which reads the stream profiles, has no producer). Headers follow the built-in ones.
 */
@FunctionalInterface
public interface DeadLetters {

    /** Publishes the refused record with why, and where it came from. */
    void publish(String sourceTopic, int partition, long offset, byte[] key, byte[] value, Exception reason);

    /** Drops nothing silently: logs only (for tests that do not care). */
    static DeadLetters none() {
        return (topic, partition, offset, key, value, reason) -> {
            throw new IllegalStateException("Refused record on " + topic + "@" + partition + ":" + offset + ": " + reason.getMessage(),
                    reason);
        };
    }
}
