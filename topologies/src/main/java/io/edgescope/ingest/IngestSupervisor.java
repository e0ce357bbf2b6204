package io.edgescope.ingest;

import io.edgescope.schemas.CameraSource;
import io.edgescope.schemas.Frame;
import io.edgescope.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one grabber per camera source listed in the compacted {@code edgescope.sources} topic: a
 * new record starts one, a changed record restarts it, a tombstone stops it — so adding a camera
 * needs no restart anywhere. Supervisors form a consumer group on the topic: each grabs the sources
 * of the partitions it is assigned (read from their start), so several share the cameras and one
 * takes over another's when it stops; none grabs a source twice. A newly assigned partition is read
 * up to its end before anything starts, and each batch is folded to the latest record per source, so
 * a camera added and since removed is never grabbed.
 */
public final class IngestSupervisor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestSupervisor.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Consumer<String, CameraSource> consumer;
    private final Producer<String, Frame> producer;
    private final FrameIngestor ingestor;
    private final int maxFrameBytes;
    private final int jpegQuality;
    private final Clock clock;
    private final SequenceResume sequences;
    private final Map<String, Grabber> grabbers = new ConcurrentHashMap<>();
    private final Map<String, Integer> partitionOf = new ConcurrentHashMap<>();
    /** Newly assigned partitions not yet read up to the end offset they had when assigned. */
    private final Map<TopicPartition, Long> catchingUp = new HashMap<>();
    /** The latest record per source not yet acted upon (a null value is a tombstone). */
    private final Map<String, ConsumerRecord<String, CameraSource>> pending = new LinkedHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    /**
     * Takes over {@code consumer}, {@code producer} and {@code sequences} (closed with the supervisor).
     *
     * @param sequences where a newly started grabber numbers the stream's frames from (where its numbering stopped)
     */
    public IngestSupervisor(Consumer<String, CameraSource> consumer, Producer<String, Frame> producer, int maxFrameBytes, int jpegQuality,
                            Clock clock, SequenceResume sequences) {
        this.consumer = consumer;
        this.sequences = sequences;
        this.producer = producer;
        this.ingestor = new FrameIngestor(producer, clock);
        this.maxFrameBytes = maxFrameBytes;
        this.jpegQuality = jpegQuality;
        this.clock = clock;
        this.thread = new Thread(this::loop, "ingest-supervisor");
        this.thread.setDaemon(true);
    }

    public IngestSupervisor start() {
        thread.start();
        return this;
    }

    /** Whether it still follows the sources topic (its thread did not stop on an error). */
    public boolean running() {
        return thread.isAlive() && running.get();
    }

    /** Every source's health, by stream id. */
    public Map<String, SourceHealth> health() {
        Map<String, SourceHealth> out = new TreeMap<>();
        grabbers.forEach((id, g) -> out.put(id, g.health()));
        return out;
    }

    private void loop() {
        try {
            consumer.subscribe(List.of(Topics.SOURCES.name()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    stopAll(partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    consumer.seekToBeginning(partitions);
                    catchingUp.putAll(consumer.endOffsets(partitions));
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    stopAll(partitions);
                }
            });
            while (running.get()) {
                for (ConsumerRecord<String, CameraSource> r : consumer.poll(POLL)) {
                    pending.remove(r.key());
                    pending.put(r.key(), r);
                }
                applyCaughtUp();
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Ingest supervisor stopped: {}", e.getMessage(), e);
        }
    }

    /** Acts on the pending records of every partition that has been read up to its end. */
    private void applyCaughtUp() throws InterruptedException {
        catchingUp.entrySet().removeIf(e -> !consumer.assignment().contains(e.getKey()) || consumer.position(e.getKey()) >= e.getValue());
        var it = pending.values().iterator();
        while (it.hasNext()) {
            ConsumerRecord<String, CameraSource> r = it.next();
            if (!catchingUp.containsKey(new TopicPartition(r.topic(), r.partition()))) {
                it.remove();
                partitionOf.put(r.key(), r.partition());
                apply(r.key(), r.value());
            }
        }
    }

    private void apply(String id, CameraSource source) throws InterruptedException {
        Grabber current = grabbers.get(id);
        if (current != null && source != null && Objects.equals(current.source(), withoutTime(source, current.source()))) {
            return;
        }
        if (current != null) {
            current.stop();
            grabbers.remove(id);
            LOG.info("Source {} stopped", id);
        }
        if (source != null) {
            Grabber g = new Grabber(source, ingestor, maxFrameBytes, jpegQuality, clock, sequences::next);
            grabbers.put(id, g);
            g.start();
            LOG.info("Source {} started: {}", id, source.getUrl());
        }
    }

    /**
     * Stops the grabbers of sources in {@code partitions} (they move to another supervisor) and flushes
     * their last frames, so the new owner numbers on from them.
     */
    private void stopAll(Collection<TopicPartition> partitions) {
        var lost = partitions.stream().map(TopicPartition::partition).collect(java.util.stream.Collectors.toSet());
        partitions.forEach(catchingUp::remove);
        pending.values().removeIf(r -> lost.contains(r.partition()));
        for (var e : Map.copyOf(partitionOf).entrySet()) {
            if (lost.contains(e.getValue())) {
                try {
                    apply(e.getKey(), null);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                partitionOf.remove(e.getKey());
            }
        }
        producer.flush();
    }

    /** {@code source} with {@code current}'s update time, to tell a real change from a rewrite. */
    private static CameraSource withoutTime(CameraSource source, CameraSource current) {
        return CameraSource.newBuilder(source).setUpdatedAt(current.getUpdatedAt()).build();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.wakeup();
        thread.join(POLL.toMillis() * 4);
        for (Grabber g : grabbers.values()) {
            g.stop();
        }
        // the last frames are written before the sources are handed over, so the next owner numbers on from them
        producer.flush();
        consumer.close();
        producer.close();
        sequences.close();
    }
}
