package io.edgescope.app;

import io.edgescope.config.EdgeScopeConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;

/** Client and topic settings derived from the config, sized for the largest frame allowed. */
public final class KafkaClientSettings {

    /** Room for the Avro envelope, headers and batch overhead around the image bytes. */
    static final int RECORD_OVERHEAD_BYTES = 64 * 1024;
    private static final int LINGER_MS = 5;

    private KafkaClientSettings() {
    }

    /** Largest record (batch) any EdgeScope topic, producer or consumer must carry. */
    public static int maxRecordBytes(EdgeScopeConfig config) {
        return config.maxFrameBytes() + RECORD_OVERHEAD_BYTES;
    }

    public static Map<String, Object> common(String bootstrapServers) {
        Map<String, Object> m = new HashMap<>();
        m.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return m;
    }

    /** {@link #common(String)} plus the configured {@code kafka.*} client properties (TLS, SASL, timeouts). */
    public static Map<String, Object> common(String bootstrapServers, EdgeScopeConfig config) {
        Map<String, Object> m = new HashMap<>(config.kafkaClientProperties());
        m.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return m;
    }

    public static Map<String, Object> producer(String bootstrapServers, EdgeScopeConfig config) {
        Map<String, Object> m = common(bootstrapServers, config);
        m.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRecordBytes(config));
        m.put(ProducerConfig.ACKS_CONFIG, "all");
        m.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        m.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        return m;
    }

    public static Map<String, Object> consumer(String bootstrapServers, EdgeScopeConfig config) {
        Map<String, Object> m = common(bootstrapServers, config);
        m.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, maxRecordBytes(config));
        m.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return m;
    }

    /** Topic-level settings added to every frame-sized topic. */
    public static Map<String, String> frameTopicConfigs(EdgeScopeConfig config) {
        return Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxRecordBytes(config)));
    }
}
