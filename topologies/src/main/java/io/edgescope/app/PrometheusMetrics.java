package io.edgescope.app;

import io.edgescope.ingest.SourceHealth;
import io.edgescope.topology.PipelineMetrics;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The process's metrics in Prometheus format: per-stream frames in, processed and skipped, processing
 * and capture-to-detections latency histograms, the active variant, ROMA's estimates, plus JVM and
 * Kafka Streams client metrics.
 */
public final class PrometheusMetrics implements PipelineMetrics, AutoCloseable {

    private static final String REASON = "reason";
    private static final String STATE = "state";
    private static final String STREAM = "stream";
    private static final String VARIANT = "variant";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, AtomicReference<String>> activeVariant = new ConcurrentHashMap<>();
    private final Map<String, double[]> estimates = new ConcurrentHashMap<>();
    private final List<Runnable> beforeScrape = new CopyOnWriteArrayList<>();
    private KafkaStreamsMetrics streamsMetrics;

    public PrometheusMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    /** Also exports {@code streams}' client metrics. */
    public void bind(KafkaStreams streams) {
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
    }

    /**
     * Also exports the camera sources' health, read at each scrape: {@code edgescope_source_up{stream,state}}
     * (1 while grabbing, 0 connecting, reconnecting, finished or stopped) and
     * {@code edgescope_source_frames_sent{stream}}.
     */
    public void bindSources(Supplier<Map<String, SourceHealth>> sources) {
        MultiGauge up = MultiGauge.builder("edgescope.source.up").description("1 while a camera source is grabbing, 0 otherwise (see state)")
                .register(registry);
        MultiGauge sent = MultiGauge.builder("edgescope.source.frames.sent").description("Frames a camera source has published since it was added")
                .register(registry);
        beforeScrape.add(() -> {
            Map<String, SourceHealth> now = sources.get();
            up.register(now.values().stream().map(h -> MultiGauge.Row.of(Tags.of(STREAM, h.streamId(), STATE, h.state().name().toLowerCase(
                    java.util.Locale.ROOT)), h.state() == SourceHealth.State.RUNNING ? 1 : 0)).toList(), true);
            sent.register(now.values().stream().map(h -> MultiGauge.Row.of(Tags.of(STREAM, h.streamId()), h.framesSent())).toList(), true);
        });
    }

    /** The scrape body. */
    public String scrape() {
        beforeScrape.forEach(Runnable::run);
        return registry.scrape();
    }

    @Override
    public void frameIn(String streamId) {
        Counter.builder("edgescope.frames.in").description("Frames that arrived").tag(STREAM, streamId).register(registry).increment();
    }

    @Override
    public void frameSkipped(String streamId, io.edgescope.topology.SkipReason reason) {
        Counter.builder("edgescope.frames.skipped").description("Frames a real-time stream skipped: stale, or over its fps cap")
                .tag(STREAM, streamId).tag(REASON, reason.name().toLowerCase(java.util.Locale.ROOT)).register(registry).increment();
    }

    @Override
    public void frameProcessed(String streamId, String variantId, double processingMillis, double latencyMillis) {
        Counter.builder("edgescope.frames.processed").description("Frames detected on").tag(STREAM, streamId).tag(VARIANT, variantId)
                .register(registry).increment();
        Timer.builder("edgescope.processing").description("Time in the detector processor").tag(STREAM, streamId)
                .publishPercentileHistogram().register(registry).record(Duration.ofNanos((long) (processingMillis * 1e6)));
        Timer.builder("edgescope.latency").description("Capture to detections").tag(STREAM, streamId)
                .publishPercentileHistogram().register(registry).record(Duration.ofNanos((long) (latencyMillis * 1e6)));
        activeVariant.computeIfAbsent(streamId, id -> new AtomicReference<>(variantId)).set(variantId);
        Gauge.builder("edgescope.variant.active", activeVariant, m -> variantId.equals(m.get(streamId).get()) ? 1 : 0)
                .description("1 for the variant a stream ran last").tag(STREAM, streamId).tag(VARIANT, variantId).register(registry);
    }

    @Override
    public void romaEstimate(String streamId, String variantId, double realtimeAp) {
        double[] holder = estimates.computeIfAbsent(streamId + "|" + variantId, k -> new double[1]);
        holder[0] = realtimeAp;
        Gauge.builder("edgescope.roma.estimate", holder, h -> h[0]).description("ROMA's estimated real-time AP50 of a candidate")
                .tag(STREAM, streamId).tag(VARIANT, variantId).register(registry);
    }

    @Override
    public void close() {
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        registry.close();
    }
}
