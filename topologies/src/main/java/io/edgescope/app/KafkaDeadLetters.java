package io.edgescope.app;

import io.edgescope.topology.DeadLetters;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes refused records to {@code <source topic>.dlq} with the same headers as Kafka Streams' built-in DLQ. */
final class KafkaDeadLetters implements DeadLetters, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaDeadLetters.class);
    private static final String DLQ_SUFFIX = ".dlq";

    private final KafkaProducer<byte[], byte[]> producer;

    KafkaDeadLetters(Map<String, Object> producerConfig) {
        this.producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void publish(String sourceTopic, int partition, long offset, byte[] key, byte[] value, Exception reason) {
        LOG.warn("Refused record on {} partition {} offset {}: {}", sourceTopic, partition, offset, reason.getMessage());
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(sourceTopic + DLQ_SUFFIX, key, value);
        record.headers().add("__streams.errors.exception", utf8(reason.getClass().getName()))
                .add("__streams.errors.message", utf8(String.valueOf(reason.getMessage())))
                .add("__streams.errors.stacktrace", utf8(stackTrace(reason)))
                .add("__streams.errors.topic", utf8(sourceTopic))
                .add("__streams.errors.partition", utf8(Integer.toString(partition)))
                .add("__streams.errors.offset", utf8(Long.toString(offset)));
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                LOG.error("Could not publish a dead letter for {}@{}:{}", sourceTopic, partition, offset, error);
            }
        });
    }

    @Override
    public void close() {
        producer.close();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String stackTrace(Exception e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
