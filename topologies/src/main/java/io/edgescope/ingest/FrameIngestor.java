package io.edgescope.ingest;

import io.edgescope.media.EncodedFrame;
import io.edgescope.media.FrameSource;
import io.edgescope.schemas.Frame;
import io.edgescope.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads frames from a source and publishes them to the frames topic, keyed by stream id, with
 * per-stream sequence numbers, paced at the source's rate (or a given one, or as fast as possible).
 */
public final class FrameIngestor {

    /** Header carrying the stream id on every frame (and so on every dead letter made from it). */
    public static final String STREAM_ID_HEADER = "edgescope.stream.id";

    private static final Logger LOG = LoggerFactory.getLogger(FrameIngestor.class);

    /**
     * @param fps frames per second to send at; null: the source's own rate (live sources pace themselves); 0: as fast as possible
     * @param loop restart a finite source at its end
     * @param maxFrames stop after this many frames (0: no limit)
     * @param maxFrameBytes frames larger than this are skipped with a warning
     * @param headers extra headers on every frame (e.g. site=dock-2, matched by variant rules)
     * @param topic the frame topic to write to (the shared one, or a site's)
     */
    public record Options(String streamId, Double fps, boolean loop, long maxFrames, int maxFrameBytes, Map<String, String> headers,
                          String topic) {
        public Options {
            headers = Map.copyOf(headers);
        }

        public Options(String streamId, Double fps, boolean loop, long maxFrames, int maxFrameBytes) {
            this(streamId, fps, loop, maxFrames, maxFrameBytes, Map.of(), Topics.FRAMES.name());
        }
    }

    private final Producer<String, Frame> producer;
    private final Clock clock;

    public FrameIngestor(Producer<String, Frame> producer, Clock clock) {
        this.producer = producer;
        this.clock = clock;
    }

    /** Runs until the source ends (or {@code maxFrames}); returns the final progress. */
    public IngestProgress run(Supplier<FrameSource> sources, Options options, Consumer<IngestProgress> progress)
            throws InterruptedException {
        return run(sources, options, 0, progress);
    }

    /** As above, numbering frames from {@code firstSequence} (a reconnected source goes on where it stopped). Stops when interrupted. */
    public IngestProgress run(Supplier<FrameSource> sources, Options options, long firstSequence, Consumer<IngestProgress> progress)
            throws InterruptedException {
        AtomicLong sent = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long skipped = 0;
        long sequence = firstSequence;
        long start = System.nanoTime();
        FrameSource source = sources.get();
        try {
            double rate = options.fps() != null ? options.fps() : (source.live() ? 0 : source.fps());
            Pacer pacer = new Pacer(rate, start);
            while (options.maxFrames() == 0 || sequence - firstSequence + skipped < options.maxFrames()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("ingest of " + options.streamId() + " stopped");
                }
                Optional<EncodedFrame> next = source.next();
                if (next.isEmpty()) {
                    if (!options.loop()) {
                        break;
                    }
                    source.close();
                    source = sources.get();
                    continue;
                }
                if (failure.get() != null) {
                    throw new IngestException("Kafka refused a frame: " + failure.get().getMessage(), failure.get());
                }
                EncodedFrame frame = next.get();
                if (frame.image().length > options.maxFrameBytes()) {
                    skipped++;
                    LOG.warn("Skipping frame {} of {}: {} bytes is over max.frame.bytes={}", frame.index(),
                            source.description(), frame.image().length, options.maxFrameBytes());
                    continue;
                }
                pacer.await(sequence - firstSequence + skipped);
                Frame record = FrameRecords.of(options.streamId(), sequence, clock.instant(), frame, source.description());
                ProducerRecord<String, Frame> out = new ProducerRecord<>(options.topic(), options.streamId(), record);
                out.headers().add(STREAM_ID_HEADER, options.streamId().getBytes(StandardCharsets.UTF_8));
                options.headers().forEach((k, v) -> out.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                int size = frame.image().length;
                producer.send(out, (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    } else {
                        sent.incrementAndGet();
                        bytes.addAndGet(size);
                    }
                });
                sequence++;
                progress.accept(snapshot(options, sent, skipped, bytes, start));
            }
        } finally {
            source.close();
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IngestException("Kafka refused a frame: " + failure.get().getMessage(), failure.get());
        }
        IngestProgress last = snapshot(options, sent, skipped, bytes, start);
        progress.accept(last);
        return last;
    }

    private static IngestProgress snapshot(Options options, AtomicLong sent, long skipped, AtomicLong bytes, long start) {
        return new IngestProgress(options.streamId(), sent.get(), skipped, bytes.get(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), options.maxFrames());
    }

}
