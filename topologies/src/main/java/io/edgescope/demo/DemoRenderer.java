package io.edgescope.demo;

import io.edgescope.app.KafkaClientSettings;
import io.edgescope.app.Platform;
import io.edgescope.detect.BgrImage;
import io.edgescope.image.BoxPainter;
import io.edgescope.image.ImageCodec;
import io.edgescope.image.Mats;
import io.edgescope.schemas.Detections;
import io.edgescope.schemas.Frame;
import io.edgescope.topics.Topics;
import io.edgescope.topology.DetectionRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.opencv.core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's consumer: reads frames, detections and dead letters published after it opened, draws
 * each frame's boxes and writes annotated JPEGs under {@code out/frames/<stream>/}. Runs on its own
 * thread until {@link #close()}.
 */
public final class DemoRenderer implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRenderer.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int MAX_PENDING_FRAMES = 1000;
    private static final int OUTPUT_JPEG_QUALITY = 85;
    static final String FRAMES_DIR = "frames";

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Deserializer<Frame> frames;
    private final Deserializer<Detections> detections;
    private final ImageCodec codec;
    private final Path outDir;
    private final Clock clock;
    private final Map<String, Frame> pending = new LinkedHashMap<>();
    private final Map<String, StreamStats> stats = new TreeMap<>();
    private final Map<String, StreamSnapshot> snapshots = new ConcurrentHashMap<>();
    private final List<Path> written = new ArrayList<>();
    private final AtomicLong deadLetters = new AtomicLong();
    private final StreamStats overall = new StreamStats();
    private final AtomicBoolean running = new AtomicBoolean(true);

    private DemoRenderer(KafkaConsumer<byte[], byte[]> consumer, Platform platform, Path outDir, Clock clock) {
        this.consumer = consumer;
        this.frames = Topics.FRAMES.valueSerde(platform.registry()).deserializer();
        this.detections = Topics.DETECTIONS.valueSerde(platform.registry()).deserializer();
        this.codec = new ImageCodec(platform.config().maxDecodedPixels());
        this.outDir = outDir;
        this.clock = clock;
    }

    /** Positions at the end of the topics now, so only what is published afterwards is rendered. */
    public static DemoRenderer open(Platform platform, Path outDir, Clock clock) {
        try {
            Files.createDirectories(outDir.resolve(FRAMES_DIR));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create output folder " + outDir, e);
        }
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                KafkaClientSettings.consumer(platform.bootstrapServers(), platform.config()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.FRAMES.name(), Topics.DETECTIONS.name(), Topics.FRAMES_DLQ.name())) {
            for (PartitionInfo p : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return new DemoRenderer(consumer, platform, outDir, clock);
    }

    @Override
    public void run() {
        try {
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    handle(r);
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            LOG.debug("Renderer woken up to stop");
        } finally {
            consumer.close();
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> r) {
        if (r.topic().equals(Topics.FRAMES_DLQ.name())) {
            deadLetters.incrementAndGet();
        } else if (r.topic().equals(Topics.FRAMES.name())) {
            Frame frame = frames.deserialize(r.topic(), r.value());
            pending.put(key(frame.getStreamId(), frame.getSequence()), frame);
            if (pending.size() > MAX_PENDING_FRAMES) {
                pending.remove(pending.keySet().iterator().next());
            }
        } else {
            Detections d = detections.deserialize(r.topic(), r.value());
            Frame frame = pending.remove(key(d.getStreamId(), d.getSequence()));
            if (frame != null && frame.getCaptureTime().equals(d.getCaptureTime())) {
                render(frame, d);
            }
        }
    }

    private void render(Frame frame, Detections d) {
        ByteBuffer buffer = frame.getImage().duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        BgrImage image = codec.decode(bytes);
        Mat mat = Mats.fromBgrImage(image);
        try {
            BoxPainter.paint(mat, DetectionRecords.fromBoxes(d.getBoxes()));
            Path dir = outDir.resolve(FRAMES_DIR).resolve(safe(d.getStreamId()));
            Files.createDirectories(dir);
            Path file = dir.resolve(String.format("%06d.jpg", d.getSequence()));
            Files.write(file, ImageCodec.encodeJpeg(mat, OUTPUT_JPEG_QUALITY));
            written.add(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write annotated frame to " + outDir, e);
        } finally {
            mat.release();
        }
        long now = clock.millis();
        StreamStats s = stats.computeIfAbsent(d.getStreamId(), k -> new StreamStats());
        s.record(now, now - frame.getCaptureTime().toEpochMilli(), d.getBoxes().size());
        snapshots.put(d.getStreamId(), s.snapshot(d.getStreamId()));
        overall.record(now, now - frame.getCaptureTime().toEpochMilli(), d.getBoxes().size());
        if (!d.getBoxes().isEmpty()) {
            LOG.debug("{} #{}: {} boxes", d.getStreamId(), d.getSequence(), d.getBoxes().size());
        }
    }

    /** Per-stream progress, safe to read from any thread. */
    public List<StreamSnapshot> snapshots() {
        return snapshots.values().stream().sorted(Comparator.comparing(StreamSnapshot::streamId)).toList();
    }

    public long framesOut() {
        return snapshots.values().stream().mapToLong(StreamSnapshot::framesOut).sum();
    }

    public long deadLetters() {
        return deadLetters.get();
    }

    /** Stops the thread (join it before reading the summary or writing the contact sheet). */
    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
    }


    /** The run's totals; call after the renderer thread has ended. */
    public DemoSummary summary(long framesIn, String variant, String input) {
        StreamSnapshot all = overall.snapshot("all");
        return new DemoSummary(framesIn, all.framesOut(), all.boxes(), deadLetters.get(), all.fps(),
                all.latencyP50Millis(), all.latencyP99Millis(), variant, input);
    }

    /** Writes the contact sheet of the frames written so far. */
    public Path writeContactSheet() {
        Path sheet = outDir.resolve("contact-sheet.png");
        ContactSheet.write(written, sheet);
        return sheet;
    }

    private static String key(String stream, long sequence) {
        return stream + "#" + sequence;
    }

    private static String safe(String streamId) {
        return streamId.replaceAll("[^A-Za-z0-9._-]", "_");
    }

}
