package io.edgescope.app;

import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.registry.SchemaRegistryClient;
import io.edgescope.registry.SchemaRegistryClients;
import io.edgescope.topics.TopicDef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reading and writing the compacted, keyed topics the CLI and the console manage (stream profiles, camera sources). */
public final class CompactedTopic {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private CompactedTopic() {
    }

    /** Latest value per key on the configured cluster and registry. */
    public static <V> Map<String, V> readAll(EdgeScopeConfig config, TopicDef<V> topic) {
        return readAll(config.bootstrapServers(), config, SchemaRegistryClients.create(config.registryClient()), topic);
    }

    /** Latest value per key, read from the start of the topic to its end; tombstones remove keys. */
    public static <V> Map<String, V> readAll(String bootstrap, EdgeScopeConfig config, SchemaRegistryClient registry, TopicDef<V> topic) {
        Map<String, V> out = new TreeMap<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(KafkaClientSettings.consumer(bootstrap, config),
                new StringDeserializer(), topic.valueSerde(registry).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, V> r : consumer.poll(POLL)) {
                    if (r.value() == null) {
                        out.remove(r.key());
                    } else {
                        out.put(r.key(), r.value());
                    }
                }
            }
        }
        return out;
    }

    /** Writes to the configured cluster and registry. */
    public static <V> void write(EdgeScopeConfig config, TopicDef<V> topic, String key, V value)
            throws InterruptedException, ExecutionException, TimeoutException {
        write(config.bootstrapServers(), config, SchemaRegistryClients.create(config.registryClient()), topic, key, value);
    }

    /** Writes {@code value} under {@code key} (null: a tombstone) and waits for the broker's acknowledgement. */
    public static <V> void write(String bootstrap, EdgeScopeConfig config, SchemaRegistryClient registry, TopicDef<V> topic, String key, V value)
            throws InterruptedException, ExecutionException, TimeoutException {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(KafkaClientSettings.producer(bootstrap, config),
                new StringSerializer(), topic.valueSerde(registry).serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
