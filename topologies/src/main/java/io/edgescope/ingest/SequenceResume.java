package io.edgescope.ingest;

import io.edgescope.schemas.Frame;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a stream's frame numbering goes on when a grabber starts it: one past the highest sequence
 * number the stream already has in its frames topic. The stream's partition (frames are keyed by
 * stream id, placed by Kafka's default partitioner) is read backwards from its end in chunks until
 * a frame of the stream turns up, within bounds: so many records, frames written in the last so many
 * seconds, a time limit. So a camera taken over by another ingest supervisor, or started again soon,
 * keeps numbering its frames where it stopped instead of from 0; the bounds keep a new camera on a
 * busy partition from reading much of it.
 * Thread-safe (one lookup at a time); owns its consumer.
 */
public final class SequenceResume implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SequenceResume.class);
    /** Records read per step backwards. */
    static final int CHUNK = 64;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long TIMED_OUT = -2;

    private final Consumer<String, byte[]> consumer;
    private final Deserializer<Frame> frames;
    private final long lookbackRecords;
    private final Duration maxAge;
    private final Duration timeout;
    private final Clock clock;

    /**
     * @param consumer a consumer without a group (assigned by hand) that reads committed records, values as bytes
     * @param frames reads the value of a record of the stream (a record it cannot read is passed over)
     * @param lookbackRecords records read back at most before giving up (the stream then starts at 0)
     * @param maxAge only records written this recently are read (a stream whose last frame is older starts at 0)
     * @param timeout time a lookup may take at most (the stream then starts at 0)
     */
    public SequenceResume(Consumer<String, byte[]> consumer, Deserializer<Frame> frames, long lookbackRecords, Duration maxAge,
                          Duration timeout, Clock clock) {
        this.consumer = consumer;
        this.frames = frames;
        this.lookbackRecords = lookbackRecords;
        this.maxAge = maxAge;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** The sequence number the stream's next frame in {@code topic} should carry (0 for a new stream). */
    public synchronized long next(String topic, String streamId) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, remaining(deadline));
        if (partitions == null || partitions.isEmpty()) {
            return 0;
        }
        TopicPartition tp = new TopicPartition(topic, partitionOf(streamId, partitions.size()));
        consumer.assign(List.of(tp));
        OffsetAndTimestamp recent = consumer.offsetsForTimes(Map.of(tp, clock.millis() - maxAge.toMillis()), remaining(deadline)).get(tp);
        if (recent == null) {
            return 0;
        }
        long begin = Math.max(consumer.beginningOffsets(List.of(tp), remaining(deadline)).get(tp), recent.offset());
        long upper = consumer.endOffsets(List.of(tp), remaining(deadline)).get(tp);
        long scanned = 0;
        while (upper > begin && scanned < lookbackRecords) {
            long lower = Math.max(begin, upper - CHUNK);
            long highest = highestIn(tp, lower, upper, streamId, deadline);
            if (highest == TIMED_OUT) {
                LOG.warn("Stream {}: its last frame number was not found within {} s; numbering from 0", streamId, timeout.toSeconds());
                return 0;
            }
            if (highest >= 0) {
                return highest + 1;
            }
            scanned += upper - lower;
            upper = lower;
        }
        return 0;
    }

    /** What is left of the lookup's time until {@code deadline} (System.nanoTime). */
    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    /** The highest sequence of the stream among offsets [lower, upper), -1 when none, {@link #TIMED_OUT} past the deadline. */
    private long highestIn(TopicPartition tp, long lower, long upper, String streamId, long deadline) {
        consumer.seek(tp, lower);
        long highest = -1;
        while (consumer.position(tp) < upper) {
            if (System.nanoTime() > deadline) {
                return TIMED_OUT;
            }
            for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL).records(tp)) {
                if (r.offset() < upper && streamId.equals(r.key()) && r.value() != null) {
                    highest = Math.max(highest, sequenceOf(r));
                }
            }
        }
        return highest;
    }

    /** The record's sequence number, or -1 when its value is not a frame (bad input stays in the topic, dead-lettered downstream). */
    private long sequenceOf(ConsumerRecord<String, byte[]> r) {
        try {
            return frames.deserialize(r.topic(), r.headers(), r.value()).getSequence();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** The partition Kafka's default partitioner gives a record keyed by {@code streamId} (a string key, UTF-8). */
    static int partitionOf(String streamId, int partitions) {
        return Utils.toPositive(Utils.murmur2(streamId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @Override
    public void close() {
        consumer.close();
        frames.close();
    }
}
