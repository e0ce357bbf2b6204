package io.edgescope.ingest;

import io.edgescope.schemas.CameraSource;
import io.edgescope.schemas.Frame;
import io.edgescope.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one grabber per camera source listed in the compacted {@code edgescope.sources} topic: a
 * new record starts one, a changed record restarts it, a tombstone stops it — so adding a camera
 * needs no restart anywhere. Reads the whole topic from the start on its own thread.
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
    private final Map<String, Grabber> grabbers = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    /** Takes over {@code consumer} and {@code producer} (closed with the supervisor). */
    public IngestSupervisor(Consumer<String, CameraSource> consumer, Producer<String, Frame> producer, int maxFrameBytes, int jpegQuality,
                            Clock clock) {
        this.consumer = consumer;
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

    /** Every source's health, by stream id. */
    public Map<String, SourceHealth> health() {
        Map<String, SourceHealth> out = new TreeMap<>();
        grabbers.forEach((id, g) -> out.put(id, g.health()));
        return out;
    }

    private void loop() {
        try {
            var partitions = consumer.partitionsFor(Topics.SOURCES.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running.get()) {
                for (ConsumerRecord<String, CameraSource> r : consumer.poll(POLL)) {
                    apply(r.key(), r.value());
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Ingest supervisor stopped: {}", e.getMessage(), e);
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
            Grabber g = new Grabber(source, ingestor, maxFrameBytes, jpegQuality, clock);
            grabbers.put(id, g);
            g.start();
            LOG.info("Source {} started: {}", id, source.getUrl());
        }
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
        consumer.close();
        producer.close();
    }
}
