package io.edgescope.app;

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

    /** Feeds {@code topic}'s records from about {@code from} (or the start) to the end to {@code more}, until it says stop. */
    private <V> void read(TopicDef<V> topic, String stream, Instant from, Predicate<ConsumerRecord<String, V>> more) {
        Map<String, Object> props = new HashMap<>(KafkaClientSettings.consumer(platform.bootstrapServers(), platform.config()));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Deserializer<V> values = topic.valueSerde(platform.registry()).deserializer();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            int partitions = consumer.partitionsFor(topic.name()).size();
            List<TopicPartition> assigned = new ArrayList<>();
            if (stream != null) {
                assigned.add(new TopicPartition(topic.name(), Utils.toPositive(Utils.murmur2(stream.getBytes(StandardCharsets.UTF_8))) % partitions));
            } else {
                for (int p = 0; p < partitions; p++) {
                    assigned.add(new TopicPartition(topic.name(), p));
                }
            }
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
            int emptyAtEnd = 0;
            while (assigned.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && emptyAtEnd < EMPTY_POLLS_AT_END) {
                var records = consumer.poll(POLL);
                emptyAtEnd = records.isEmpty() ? emptyAtEnd + 1 : 0;
                for (ConsumerRecord<String, V> r : records) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition())) && !more.test(r)) {
                        return;
                    }
                }
            }
        }
    }
}
