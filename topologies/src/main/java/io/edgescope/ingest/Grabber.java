package io.edgescope.ingest;

import io.edgescope.media.FrameSource;
import io.edgescope.media.FrameSources;
import io.edgescope.schemas.CameraSource;
import io.edgescope.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongBiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grabs one camera source on its own thread until stopped: a finite source ends (unless it loops),
 * a failing one (camera unreachable, stream dropped) is reconnected with exponential backoff, frame
 * numbering going on where it stopped; a grabber started for a stream that already has frames (taken
 * over from another supervisor, or started again) numbers on from the last of them.
 */
final class Grabber implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Grabber.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final CameraSource source;
    private final FrameIngestor ingestor;
    private final int maxFrameBytes;
    private final int jpegQuality;
    private final Clock clock;
    private final ToLongBiFunction<String, String> firstSequence;
    private final AtomicReference<SourceHealth> health;
    private volatile Thread thread;

    /** @param firstSequence (topic, stream id) → the number of the stream's first frame from this grabber */
    Grabber(CameraSource source, FrameIngestor ingestor, int maxFrameBytes, int jpegQuality, Clock clock,
            ToLongBiFunction<String, String> firstSequence) {
        this.source = source;
        this.firstSequence = firstSequence;
        this.ingestor = ingestor;
        this.maxFrameBytes = maxFrameBytes;
        this.jpegQuality = jpegQuality;
        this.clock = clock;
        this.health = new AtomicReference<>(health(SourceHealth.State.CONNECTING, 0, null));
    }

    CameraSource source() {
        return source;
    }

    SourceHealth health() {
        return health.get();
    }

    void start() {
        thread = new Thread(this, "grab-" + source.getStreamId());
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops grabbing and waits for the thread to end. */
    void stop() throws InterruptedException {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            t.join(MAX_BACKOFF.toMillis());
        }
        SourceHealth h = health.get();
        health.set(health(SourceHealth.State.STOPPED, h.framesSent(), h.lastError()));
    }

    @Override
    public void run() {
        String topic = Topics.frameTopic(source.getSite());
        FrameIngestor.Options options = new FrameIngestor.Options(source.getStreamId(), source.getFps() == null ? null : (double) source.getFps(),
                source.getLoop(), 0, maxFrameBytes, Map.of(), topic);
        long first;
        try {
            first = firstSequence.applyAsLong(topic, source.getStreamId());
        } catch (RuntimeException e) {
            LOG.warn("Source {}: cannot read where its frame numbers stopped ({}); numbering from 0", source.getStreamId(), e.getMessage());
            first = 0;
        }
        long sent = 0;
        Duration backoff = FIRST_BACKOFF;
        while (!Thread.currentThread().isInterrupted()) {
            long before = sent;
            try {
                health.set(health(SourceHealth.State.RUNNING, sent, null));
                IngestProgress done = ingestor.run(this::open, options, first + sent, p -> health.set(health(SourceHealth.State.RUNNING,
                        before + p.framesSent(), null)));
                sent = before + done.framesSent();
                health.set(health(SourceHealth.State.FINISHED, sent, null));
                LOG.info("Source {} ({}) finished after {} frames", source.getStreamId(), source.getUrl(), sent);
                return;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                sent = health.get().framesSent();
                boolean progressed = sent > before;
                backoff = progressed ? FIRST_BACKOFF : backoff;
                health.set(health(SourceHealth.State.RECONNECTING, sent, e.getMessage()));
                LOG.warn("Source {} ({}) failed: {}; reconnecting in {} s", source.getStreamId(), source.getUrl(), e.getMessage(),
                        backoff.toSeconds());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException stop) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private FrameSource open() {
        return FrameSources.open(source.getUrl(), jpegQuality);
    }

    private SourceHealth health(SourceHealth.State state, long sent, String error) {
        return new SourceHealth(source.getStreamId(), source.getUrl(), state, sent, error, clock.instant());
    }
}
