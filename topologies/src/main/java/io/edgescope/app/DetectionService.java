package io.edgescope.app;

import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.topics.Topics;
import io.edgescope.topology.DetectionTopology;
import io.edgescope.topology.RomaContext;
import io.edgescope.topology.SplitParts;
import io.edgescope.roma.AccuracyProfile;
import io.edgescope.roma.AccuracyProfileFiles;
import io.edgescope.roma.RomaSelector;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the detection topology: owns the Kafka Streams instance, its config and threads, and the
 * variant pool. Shuts down in order: streams, then detectors and models.
 */
public final class DetectionService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DetectionService.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /** How soon a new site frame topic (edgescope.frames.SITE) is picked up by the pattern subscription. */
    private static final int NEW_TOPIC_DISCOVERY_MS = 10_000;
    private static final String PRODUCER_METRICS = "producer-metrics";
    private static final java.util.Set<String> COMMIT_TIME_METRICS = java.util.Set.of("flush-time-ns-total",
            "txn-send-offsets-time-ns-total", "txn-commit-time-ns-total");
    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final KafkaStreams streams;
    private final VariantPool detectors;
    private final KafkaDeadLetters deadLetters;
    private final TelemetryHttpServer telemetry;
    private final PrometheusMetrics metrics;
    private final ConsoleEndpoints console;

    private DetectionService(KafkaStreams streams, VariantPool detectors, KafkaDeadLetters deadLetters, TelemetryHttpServer telemetry,
                             PrometheusMetrics metrics, ConsoleEndpoints console) {
        this.streams = streams;
        this.detectors = detectors;
        this.deadLetters = deadLetters;
        this.telemetry = telemetry;
        this.metrics = metrics;
        this.console = console;
    }

    /**
     * Starts detection on {@code platform}; {@code detectors} (taken over: closed with the service)
     * hold the loaded variants.
     */
    public static DetectionService start(Platform platform, VariantPool detectors) {
        return start(platform, detectors, null);
    }

    /** As {@link #start(Platform, VariantPool)}; with {@code split} (may be null) also the edge of split streams. */
    public static DetectionService start(Platform platform, VariantPool detectors, SplitParts split) {
        EdgeScopeConfig config = platform.config();
        KafkaDeadLetters deadLetters = new KafkaDeadLetters(KafkaClientSettings.producer(platform.bootstrapServers(), config));
        PrometheusMetrics metrics = new PrometheusMetrics();
        Topology topology = DetectionTopology.build(config.frameLimits(),
                config.rules(), platform.registry(), detectors, deadLetters, romaContext(config), split, metrics, Clock.systemUTC());
        com.sun.net.httpserver.HttpServer http = TelemetryHttpServer.bind(config.telemetryHttpPort());
        Properties props = streamsProperties(config, platform.bootstrapServers());
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, config.telemetryHttpHost() + ":" + http.getAddress().getPort());
        KafkaStreams streams = new KafkaStreams(topology, props);
        metrics.bind(streams);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Detection stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        TelemetryHttpServer telemetry = TelemetryHttpServer.start(http, streams, config.telemetryHttpHost(), metrics);
        DetectionService service = new DetectionService(streams, detectors, deadLetters, telemetry, metrics,
                telemetry.console(platform, config.consoleToken()));
        startAndAwait(streams, "Detection", service::close);
        LOG.info("Detection running: {} -> {}, default variant {} ({} stream threads)", Topics.FRAMES.name(),
                Topics.DETECTIONS.name(), detectors.defaultVariant(), config.numStreamThreads());
        return service;
    }

    /** Starts {@code streams} and waits until RUNNING; on timeout or interrupt runs {@code onFailure} and throws. */
    static void startAndAwait(KafkaStreams streams, String what, Runnable onFailure) {
        CountDownLatch running = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.start();
        try {
            if (!running.await(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                onFailure.run();
                throw new KafkaUnavailableException(what + " topology did not reach RUNNING within " + START_TIMEOUT.toSeconds()
                        + " s (state " + streams.state() + ")", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            onFailure.run();
            throw new KafkaUnavailableException("Interrupted starting " + what, e);
        }
    }

    /**
     * ROMA's accuracy profile (roma.profile, else the shipped one) restricted to roma.candidates, and its knobs; the estimator
     * warmed up so a stream's first decision does not pay for class loading.
     */
    static RomaContext romaContext(EdgeScopeConfig config) {
        AccuracyProfile all = AccuracyProfileFiles.configured(config.romaProfile()).profile();
        AccuracyProfile candidates = AccuracyProfileFiles.only(all, config.romaCandidateIds());
        long started = System.nanoTime();
        int decisions = RomaSelector.warmUp(candidates, config.romaSettings());
        LOG.info("ROMA estimator warmed up: {} decisions in {} ms", decisions, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return RomaContext.of(candidates, config.romaSettings());
    }

    static Properties streamsProperties(EdgeScopeConfig config, String bootstrapServers) {
        Properties p = new Properties();
        p.putAll(config.kafkaClientProperties());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.numStreamThreads());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitIntervalMs());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.FRAMES_DLQ.name());
        int maxRecord = KafkaClientSettings.maxRecordBytes(config);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), maxRecord);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), maxRecord);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.METADATA_MAX_AGE_CONFIG), NEW_TOPIC_DISCOVERY_MS);
        return p;
    }

    /** This process's metrics (more, such as the camera sources', can be bound to them). */
    public PrometheusMetrics metrics() {
        return metrics;
    }

    /** The port live telemetry, metrics and the console are served on. */
    public int telemetryPort() {
        return telemetry.port();
    }

    /** Frame-topic partitions (tasks) this instance processes now. */
    public int activeTasks() {
        return streams.metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum();
    }

    /**
     * Time the stream threads' producers have spent on commits so far, in ms: flushing the output and, exactly-once, sending the
     * offsets and committing the transaction — the part of a commit the stream thread waits for.
     */
    public double commitMillisTotal() {
        return streams.metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals(PRODUCER_METRICS) && COMMIT_TIME_METRICS.contains(e.getKey().name()))
                .mapToDouble(e -> e.getValue().metricValue() instanceof Number n ? n.doubleValue() : 0).sum() / NANOS_PER_MILLI;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        telemetry.close();
        console.close();
        // leave the group at once, so the partitions move to the other instances now rather than after the session timeout
        streams.close(org.apache.kafka.streams.CloseOptions.timeout(CLOSE_TIMEOUT)
                .withGroupMembershipOperation(org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        metrics.close();
        deadLetters.close();
        detectors.close();
    }
}
