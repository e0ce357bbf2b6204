package io.edgescope.console;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record in a dead-letter topic, with why it is there and where it came from (Kafka Streams' error
 * headers, which EdgeScope's own dead letters use too), and its original bytes for a retry.
 */
public record DeadLetter(String topic, int partition, long offset, Instant timestamp, String key, String exception, String reason,
                         String sourceTopic, String sourcePartition, String sourceOffset, byte[] value) {

    public static final String EXCEPTION = "__streams.errors.exception";
    public static final String MESSAGE = "__streams.errors.message";
    public static final String TOPIC = "__streams.errors.topic";
    public static final String PARTITION = "__streams.errors.partition";
    public static final String OFFSET = "__streams.errors.offset";
    /** Header a retried record carries: the dead letter it came from ({@code topic/partition/offset}). */
    public static final String RETRY_OF = "edgescope.retry.of";

    /** From a consumed record: {@code headers} by name (the last value of each). */
    public static DeadLetter of(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value, Map<String, byte[]> headers) {
        return new DeadLetter(topic, partition, offset, Instant.ofEpochMilli(timestamp), key == null ? null : utf8(key), text(headers, EXCEPTION),
                text(headers, MESSAGE), text(headers, TOPIC), text(headers, PARTITION), text(headers, OFFSET), value);
    }

    /** Where a retry goes: the topic the record was refused on. */
    public String retryTopic() {
        if (sourceTopic == null || sourceTopic.isBlank()) {
            throw new IllegalArgumentException("dead letter " + topic + "/" + partition + "/" + offset + " does not say which topic it came from");
        }
        return sourceTopic;
    }

    public String id() {
        return topic + "/" + partition + "/" + offset;
    }

    /** Everything but the bytes, for the page. */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("topic", topic);
        m.put("partition", partition);
        m.put("offset", offset);
        m.put("timestamp", timestamp.toString());
        m.put("key", key);
        m.put("exception", exception);
        m.put("reason", reason);
        m.put("sourceTopic", sourceTopic);
        m.put("sourcePartition", sourcePartition);
        m.put("sourceOffset", sourceOffset);
        m.put("valueBytes", value == null ? 0 : value.length);
        return m;
    }

    private static String text(Map<String, byte[]> headers, String name) {
        byte[] v = headers.get(name);
        return v == null ? null : utf8(v);
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
