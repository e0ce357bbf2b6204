package io.edgescope.app;

import io.edgescope.console.DeadLetter;
import io.edgescope.console.DetectionFilter;
import io.edgescope.schemas.Detections;
import io.edgescope.schemas.Frame;
import io.edgescope.topics.TopicDef;
import io.edgescope.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Reads what the topics hold for the console: detections in a capture-time range (only the stream's
 * partition when a stream is given), and one frame by stream and sequence, found near its capture time.
 * Reads read_committed, without a consumer group.
 */
final class TopicHistory {

    /** Records are stamped at send time, a little after capture: search this much around a time. */
    private static final Duration SLACK = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int EMPTY_POLLS_AT_END = 3;

    private final Platform platform;

    TopicHistory(Platform platform) {
        this.platform = platform;
    }

    /** Matching detections, oldest capture first, at most {@code limit}. */
    List<Detections> detections(DetectionFilter filter, int limit) {
        List<Detections> out = new ArrayList<>();
        read(Topics.DETECTIONS, filter.stream(), filter.from(), r -> {
            filter.apply(r.value()).ifPresent(out::add);
            return out.size() < limit;
        });
        out.sort(Comparator.comparing(Detections::getCaptureTime).thenComparing(Detections::getStreamId).thenComparing(Detections::getSequence));
        return out;
    }

    /** The frame {@code sequence} of {@code stream} captured at about {@code captured}, while the frames topic still holds it. */
    Optional<Frame> frame(String stream, long sequence, Instant captured) {
        Frame[] found = {null};
        read(Topics.FRAMES, stream, captured, r -> {
            if (stream.equals(r.key()) && r.value() != null && r.value().getSequence() == sequence) {
                found[0] = r.value();
                return false;
            }
            return r.timestamp() <= captured.plus(SLACK).toEpochMilli();
        });
        return Optional.ofNullable(found[0]);
    }

    /** The last {@code limit} records of a dead-letter topic, newest first. */
    List<DeadLetter> deadLetters(TopicDef<byte[]> dlq, int limit) {
        List<DeadLetter> out = new ArrayList<>();
        readRaw(dlq.name(), consumer -> {
            List<TopicPartition> parts = partitions(consumer, dlq.name());
            consumer.assign(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(parts);
            parts.forEach(p -> consumer.seek(p, Math.max(begin.get(p), end.get(p) - limit)));
            drain(consumer, end, r -> {
                out.add(deadLetter(r));
                return true;
            });
        });
        out.sort(Comparator.comparing(DeadLetter::timestamp).reversed());
        return out.subList(0, Math.min(limit, out.size()));
    }

    /** One dead letter, by its position. */
    Optional<DeadLetter> deadLetter(TopicDef<byte[]> dlq, int partition, long offset) {
        DeadLetter[] found = {null};
        readRaw(dlq.name(), consumer -> {
            TopicPartition tp = new TopicPartition(dlq.name(), partition);
            consumer.assign(List.of(tp));
            Map<TopicPartition, Long> end = consumer.endOffsets(List.of(tp));
            if (offset >= end.get(tp)) {
                return;
            }
            consumer.seek(tp, offset);
            drain(consumer, end, r -> {
                if (r.offset() == offset) {
                    found[0] = deadLetter(r);
                }
                return r.offset() < offset;
            });
        });
        return Optional.ofNullable(found[0]);
    }

    private static DeadLetter deadLetter(ConsumerRecord<byte[], byte[]> r) {
        Map<String, byte[]> headers = new HashMap<>();
        r.headers().forEach(h -> headers.put(h.key(), h.value()));
        return DeadLetter.of(r.topic(), r.partition(), r.offset(), r.timestamp(), r.key(), r.value(), headers);
    }

    private void readRaw(String topic, java.util.function.Consumer<KafkaConsumer<byte[], byte[]>> body) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            body.accept(consumer);
        }
    }

    /** read_committed, no group, nothing committed. */
    private Map<String, Object> consumerProperties() {
        Map<String, Object> props = new HashMap<>(KafkaClientSettings.consumer(platform.bootstrapServers(), platform.config()));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return props;
    }

    /** Every partition of {@code topic}, in order. */
    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        List<TopicPartition> parts = new ArrayList<>();
        consumer.partitionsFor(topic).forEach(p -> parts.add(new TopicPartition(topic, p.partition())));
        parts.sort(java.util.Comparator.comparingInt(TopicPartition::partition));
        return parts;
    }

    /** Polls the assigned partitions up to {@code end}, feeding records to {@code more} until it says stop. */
    private static <K, V> void drain(KafkaConsumer<K, V> consumer, Map<TopicPartition, Long> end, Predicate<ConsumerRecord<K, V>> more) {
        int emptyAtEnd = 0;
        while (end.keySet().stream().anyMatch(p -> consumer.position(p) < end.get(p)) && emptyAtEnd < EMPTY_POLLS_AT_END) {
            var records = consumer.poll(POLL);
            emptyAtEnd = records.isEmpty() ? emptyAtEnd + 1 : 0;
            for (ConsumerRecord<K, V> r : records) {
                if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition())) && !more.test(r)) {
                    return;
                }
            }
        }
    }

    /** Feeds {@code topic}'s records from about {@code from} (or the start) to the end to {@code more}, until it says stop. */
    private <V> void read(TopicDef<V> topic, String stream, Instant from, Predicate<ConsumerRecord<String, V>> more) {
        Deserializer<V> values = topic.valueSerde(platform.registry()).deserializer();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(), values)) {
            List<TopicPartition> all = partitions(consumer, topic.name());
            // a stream's records are all on the partition its key hashes to (the producers' default partitioner)
            List<TopicPartition> assigned = stream == null ? all
                    : List.of(all.get(Utils.toPositive(Utils.murmur2(stream.getBytes(StandardCharsets.UTF_8))) % all.size()));
            consumer.assign(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
            if (from == null) {
                consumer.seekToBeginning(assigned);
            } else {
                Map<TopicPartition, Long> times = new HashMap<>();
                assigned.forEach(p -> times.put(p, from.minus(SLACK).toEpochMilli()));
                Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(times);
                assigned.forEach(p -> consumer.seek(p, starts.get(p) == null ? end.get(p) : starts.get(p).offset()));
            }
            drain(consumer, end, more);
        }
    }
}
