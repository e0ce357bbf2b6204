package io.edgescope.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Keeps registrations in a single-partition compacted Kafka topic (as the Confluent registry keeps
 * {@code _schemas}), so ids and versions survive a restart of the registry.
 */
public final class KafkaSchemaLog implements SchemaLog {

    private static final Duration REPLAY_POLL = Duration.ofMillis(200);
    private static final Duration REPLAY_TIMEOUT = Duration.ofSeconds(30);
    private static final long WRITE_TIMEOUT_SECONDS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> clientConfig;
    private final String topic;
    private final KafkaProducer<String, String> producer;

    /**
     * @param clientConfig Kafka client settings (at least {@code bootstrap.servers}, plus any security settings)
     * @param topic the compacted topic to keep schemas in; created if missing
     * @param replicationFactor replication factor used when creating the topic
     */
    public KafkaSchemaLog(Map<String, Object> clientConfig, String topic, short replicationFactor) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.topic = topic;
        createTopicIfMissing(replicationFactor);
        Map<String, Object> producerConfig = new HashMap<>(clientConfig);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
    }

    @Override
    public List<SchemaLogEntry> replay() {
        Map<String, Object> consumerConfig = new HashMap<>(clientConfig);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<SchemaLogEntry> entries = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), REPLAY_TIMEOUT).get(partition);
            long deadline = System.nanoTime() + REPLAY_TIMEOUT.toNanos();
            while (consumer.position(partition) < end) {
                if (System.nanoTime() > deadline) {
                    throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE,
                            "Timed out reading schemas from topic " + topic);
                }
                for (ConsumerRecord<String, String> rec : consumer.poll(REPLAY_POLL)) {
                    if (rec.value() != null) {
                        entries.add(decode(rec.value()));
                    }
                }
            }
        }
        return entries;
    }

    @Override
    public void append(SchemaLogEntry entry) {
        try {
            producer.send(new ProducerRecord<>(topic, entry.key(), JSON.writeValueAsString(entry)))
                    .get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (JsonProcessingException | ExecutionException | TimeoutException e) {
            throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE,
                    "Could not store schema in topic " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE, "Interrupted storing a schema", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    private void createTopicIfMissing(short replicationFactor) {
        try (Admin admin = Admin.create(clientConfig)) {
            NewTopic newTopic = new NewTopic(topic, 1, replicationFactor)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(newTopic)).all().get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE,
                        "Could not create schema topic " + topic + ": " + e.getCause().getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE,
                    "Kafka did not answer while creating schema topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE, "Interrupted creating " + topic, e);
        }
    }

    private static SchemaLogEntry decode(String json) {
        try {
            return JSON.readValue(json, SchemaLogEntry.class);
        } catch (JsonProcessingException e) {
            throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA, "Corrupt schema log entry: " + json, e);
        }
    }
}
