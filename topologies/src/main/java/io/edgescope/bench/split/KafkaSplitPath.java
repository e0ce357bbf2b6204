package io.edgescope.bench.split;

import io.edgescope.app.CompactedTopic;
import io.edgescope.app.DetectionService;
import io.edgescope.app.KafkaClientSettings;
import io.edgescope.app.OnnxSplitParts;
import io.edgescope.app.Platform;
import io.edgescope.app.SplitDeviceService;
import io.edgescope.app.VariantPool;
import io.edgescope.bench.LocalCluster;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.ingest.FrameRecords;
import io.edgescope.media.EncodedFrame;
import io.edgescope.schemas.Detections;
import io.edgescope.schemas.Frame;
import io.edgescope.schemas.StreamProfile;
import io.edgescope.schemas.VariantPolicy;
import io.edgescope.topology.SplitRecords;
import io.edgescope.split.SplitPlanner;
import io.edgescope.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A split plan measured on the real path: a broker and registry of its own, the device processor with
 * its uplink emulated on its producer ({@code device.link.mbps}, {@code device.link.rtt.ms}), the edge
 * processor, and frames sent one at a time (no queueing). The latency is each frame's capture to its
 * detections being produced at the edge, as the processors measure it.
 */
public final class KafkaSplitPath {

    private static final String STREAM = "bench-split";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final long PROFILE_SETTLE_MS = 1500;
    private static final int WARM_UP_FRAMES = 2;

    private KafkaSplitPath() {
    }

    /**
     * Means over the measured frames: capture to detections published; the part of it the device and the edge spent
     * computing (decode, head, encoding; decoding, tail, NMS) as they report it; and of the rest, the frame's way from capture
     * to the device beginning on it and the activation's from the device sending it to the edge beginning on it (the split
     * timing headers).
     */
    public record Timing(double latencyMillis, double computeMillis, double frameWaitMillis, double activationWaitMillis) {
        public double transportMillis() {
            return latencyMillis - computeMillis;
        }
    }

    /**
     * Capture-to-detections latency and compute of {@code plan} over {@code frames} on a link of {@code link} (empty: no emulated
     * link, the local network only), with the device processor emulating a device {@code deviceSlowdown} times slower than this host.
     */
    public static Timing measure(String plan, Optional<SplitPlanner.Link> link, double deviceSlowdown, byte[] onnx,
                                 EdgeScopeConfig base, Supplier<VariantPool> pool, List<EncodedFrame> frames) throws Exception {
        Map<String, String> settings = runSettings(base, "edgescope-split-");
        settings.put(EdgeScopeConfig.DEVICE_EMULATED_SLOWDOWN.name(), Double.toString(deviceSlowdown));
        settings.put(EdgeScopeConfig.DEVICE_LINK_MBPS.name(), Double.toString(link.map(SplitPlanner.Link::bandwidthMbps).orElse(0.0)));
        settings.put(EdgeScopeConfig.DEVICE_LINK_RTT_MS.name(), Double.toString(link.map(SplitPlanner.Link::rttMillis).orElse(0.0)));
        try (LocalCluster cluster = LocalCluster.start()) {
            settings.put(EdgeScopeConfig.STATE_DIR.name(), cluster.folder("state").toString());
            return measure(cluster, plan, settings, onnx, base, pool, frames);
        }
    }

    /** The run's own settings over everything the command was given (-D included): a fresh application id, no fixed HTTP port. */
    private static Map<String, String> runSettings(EdgeScopeConfig base, String applicationPrefix) {
        Map<String, String> settings = new HashMap<>(base.toMap());
        settings.put(EdgeScopeConfig.APPLICATION_ID.name(), applicationPrefix + UUID.randomUUID());
        settings.put(EdgeScopeConfig.TELEMETRY_HTTP_PORT.name(), "0");
        return settings;
    }

    /**
     * Device-only on the same path: the whole detector on the (emulated) device, its detections published, no split: frames
     * from the bench's producer through the broker to a detection processor whose detectors {@code pool} makes (wrapped in the
     * device's emulation by the caller), without a stream profile (the default variant).
     */
    public static Timing measureDeviceOnly(EdgeScopeConfig base, Supplier<VariantPool> pool, List<EncodedFrame> frames) throws Exception {
        Map<String, String> settings = runSettings(base, "edgescope-device-only-");
        try (LocalCluster cluster = LocalCluster.start()) {
            settings.put(EdgeScopeConfig.STATE_DIR.name(), cluster.folder("state").toString());
            try (Platform platform = cluster.platform(settings); DetectionService device = DetectionService.start(platform, pool.get())) {
                Thread.sleep(PROFILE_SETTLE_MS);
                return measure(platform, frames);
            }
        }
    }

    private static Timing measure(LocalCluster cluster, String plan, Map<String, String> settings, byte[] onnx, EdgeScopeConfig base,
                                  Supplier<VariantPool> pool, List<EncodedFrame> frames) throws Exception {
        try (Platform platform = cluster.platform(settings)) {
            OnnxSplitParts parts = new OnnxSplitParts(base.variant().id(), onnx, base.variant().inputSize(), platform.config().detectorSettings());
            try (DetectionService edge = DetectionService.start(platform, pool.get(), parts);
                 SplitDeviceService device = SplitDeviceService.start(platform, parts)) {
                CompactedTopic.write(platform.bootstrapServers(), platform.config(), platform.registry(), Topics.STREAM_PROFILES, STREAM,
                        StreamProfile.newBuilder().setStreamId(STREAM).setPolicy(VariantPolicy.SPLIT).setSplitPlan(plan).setUpdatedAt(Instant.now())
                                .build());
                Thread.sleep(PROFILE_SETTLE_MS);
                return measure(platform, frames);
            }
        }
    }

    private static Timing measure(Platform platform, List<EncodedFrame> frames) throws Exception {
        Map<String, Object> props = new HashMap<>(KafkaClientSettings.consumer(platform.bootstrapServers(), platform.config()));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-split-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        double sum = 0;
        double compute = 0;
        double frameWait = 0;
        double activationWait = 0;
        int counted = 0;
        try (KafkaProducer<String, Frame> producer = new KafkaProducer<>(KafkaClientSettings.producer(platform.bootstrapServers(), platform.config()),
                new StringSerializer(), Topics.FRAMES.valueSerde(platform.registry()).serializer());
             KafkaConsumer<String, Detections> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                     Topics.DETECTIONS.valueSerde(platform.registry()).deserializer())) {
            consumer.subscribe(List.of(Topics.DETECTIONS.name()));
            for (int i = 0; i < frames.size() + WARM_UP_FRAMES; i++) {
                EncodedFrame frame = frames.get(i % frames.size());
                producer.send(new ProducerRecord<>(Topics.FRAMES.name(), STREAM, FrameRecords.of(STREAM, i, Instant.now(), frame, "bench-split"))).get();
                ConsumerRecord<String, Detections> r = awaitSequence(consumer, i);
                if (i >= WARM_UP_FRAMES) {
                    sum += r.value().getLatencyMillis();
                    compute += r.value().getProcessingMillis();
                    frameWait += headerMillis(r, SplitRecords.FRAME_WAIT_HEADER);
                    activationWait += headerMillis(r, SplitRecords.ACTIVATION_WAIT_HEADER);
                    counted++;
                }
            }
        }
        return new Timing(sum / counted, compute / counted, frameWait / counted, activationWait / counted);
    }

    private static double headerMillis(ConsumerRecord<String, Detections> r, String name) {
        java.util.OptionalLong millis = SplitRecords.millis(r.headers(), name);
        return millis.isPresent() ? millis.getAsLong() : Double.NaN;
    }

    private static ConsumerRecord<String, Detections> awaitSequence(KafkaConsumer<String, Detections> consumer, long sequence) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, Detections> r : consumer.poll(POLL)) {
                if (STREAM.equals(r.key()) && r.value().getSequence() == sequence) {
                    return r;
                }
            }
        }
        throw new IllegalStateException("No detections for frame " + sequence + " of the split stream within " + WAIT.toSeconds() + " s");
    }
}
