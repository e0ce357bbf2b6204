package io.edgescope.bench;

import io.edgescope.app.KafkaClientSettings;
import io.edgescope.app.Platform;
import io.edgescope.image.ImageCodec;
import io.edgescope.ingest.FrameRecords;
import io.edgescope.media.EncodedFrame;
import io.edgescope.media.FrameSource;
import io.edgescope.media.FrameSources;
import io.edgescope.schemas.Detections;
import io.edgescope.schemas.Frame;
import io.edgescope.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Frames in and detections out for the multi-process benchmarks: rounds of frames across streams, and a read_committed count. */
public final class BenchTraffic {

    private static final int DISTINCT_FRAMES = 8;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int SETTLE_POLLS = 10;

    /** Something done before a round of frames (a fault). */
    @FunctionalInterface
    public interface BeforeRound {
        void run(int round) throws Exception;
    }

    /** A detections record and when this process read it. */
    public record Arrival(Detections detections, long nanos) {
    }

    private BenchTraffic() {
    }

    /** The first frames of {@code clip}, cycled through by {@link #send}. */
    public static List<EncodedFrame> images(Path clip) throws Exception {
        List<EncodedFrame> images = new ArrayList<>();
        try (FrameSource source = FrameSources.open(clip.toString(), ImageCodec.DEFAULT_JPEG_QUALITY)) {
            for (Optional<EncodedFrame> f = source.next(); f.isPresent() && images.size() < DISTINCT_FRAMES; f = source.next()) {
                images.add(f.get());
            }
        }
        return images;
    }

    /**
     * Sends {@code rounds} rounds of one frame per stream ({@code prefix-0}, {@code prefix-1}, ...), numbered
     * from 0, {@code gapMillis} apart, calling {@code beforeRound} first.
     */
    public static void send(Platform platform, List<EncodedFrame> images, String prefix, int streams, int rounds, long gapMillis,
                            BeforeRound beforeRound) throws Exception {
        try (KafkaProducer<String, Frame> producer = new KafkaProducer<>(KafkaClientSettings.producer(platform.bootstrapServers(), platform.config()),
                new StringSerializer(), Topics.FRAMES.valueSerde(platform.registry()).serializer())) {
            for (int i = 0; i < rounds; i++) {
                beforeRound.run(i);
                for (int s = 0; s < streams; s++) {
                    String stream = prefix + "-" + s;
                    producer.send(new ProducerRecord<>(Topics.FRAMES.name(), stream,
                            FrameRecords.of(stream, i, Instant.now(), images.get(i % images.size()), "bench")));
                }
                if (gapMillis > 0) {
                    Thread.sleep(gapMillis);
                }
            }
            producer.flush();
        }
    }

    /** Reads detections (read_committed, from the start) until {@code expected} came or {@code timeout} passed, then a little longer. */
    public static List<Arrival> read(Platform platform, long expected, Duration timeout) {
        Map<String, Object> props = new HashMap<>(KafkaClientSettings.consumer(platform.bootstrapServers(), platform.config()));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "edgescope-bench-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<Arrival> received = new ArrayList<>();
        try (KafkaConsumer<String, Detections> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                Topics.DETECTIONS.valueSerde(platform.registry()).deserializer())) {
            consumer.subscribe(List.of(Topics.DETECTIONS.name()));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (received.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(POLL).forEach(r -> received.add(new Arrival(r.value(), System.nanoTime())));
            }
            for (int i = 0; i < SETTLE_POLLS; i++) {
                consumer.poll(POLL).forEach(r -> received.add(new Arrival(r.value(), System.nanoTime())));
            }
        }
        return received;
    }
}
