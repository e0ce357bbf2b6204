package io.edgescope.bench.faults;

import io.edgescope.app.EmbeddedKafkaBroker;
import io.edgescope.app.KafkaClientSettings;
import io.edgescope.app.Platform;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.image.ImageCodec;
import io.edgescope.ingest.FrameRecords;
import io.edgescope.media.EncodedFrame;
import io.edgescope.media.FrameSource;
import io.edgescope.media.FrameSources;
import io.edgescope.registry.CompatibilityLevel;
import io.edgescope.registry.EmbeddedSchemaRegistry;
import io.edgescope.registry.KafkaSchemaLog;
import io.edgescope.registry.SchemaStore;
import io.edgescope.schemas.Detections;
import io.edgescope.schemas.Frame;
import io.edgescope.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka's exactly-once promise, checked through the faults an unattended site sees: a real broker and
 * registry started here (restartable on the same ports and data), two detection processes in their own
 * JVMs sharing the frames, and while frames flow across several streams: one process is killed with
 * SIGKILL and restarted (a quarter of the way), the broker is restarted (half way) and the registry
 * (three quarters). A read_committed consumer then counts the detections per frame.
 */
public final class FaultHarness {

    private static final Logger LOG = LoggerFactory.getLogger(FaultHarness.class);
    private static final int PARTITIONS = 4;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int SETTLE_POLLS = 6;
    private static final long FRAME_GAP_MS = 40;
    private static final long WAIT_STEP_MS = 200;
    private static final int DISTINCT_FRAMES = 8;
    private static final int LOG_LINES_ON_FAILURE = 30;
    private static final String HOST = "localhost";

    /**
     * @param streams streams sent in parallel
     * @param framesPerStream frames each stream sends
     * @param guarantee the processes' processing.guarantee (exactly_once_v2, or at_least_once to see duplicates)
     * @param clip a video whose first frames are sent
     * @param models the processes' --models folder, or null
     * @param settings more settings for the processes (key=value), e.g. commit.interval.ms=5000
     */
    public record Options(int streams, int framesPerStream, String guarantee, Path clip, Path models, List<String> settings) {
    }

    private final Options options;
    private final Consumer<String> progress;

    public FaultHarness(Options options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    public FaultReport run() throws Exception {
        long started = System.nanoTime();
        Path work = Files.createTempDirectory("edgescope-faults");
        int brokerPort = freePort();
        int registryPort = freePort();
        int maxBytes = KafkaClientSettings.maxRecordBytes(EdgeScopeConfig.defaults());
        Path brokerData = work.resolve("broker");
        EmbeddedKafkaBroker[] broker = {EmbeddedKafkaBroker.start(brokerData, brokerPort, maxBytes)};
        EmbeddedSchemaRegistry[] registry = {startRegistry(broker[0].bootstrapServers(), registryPort)};
        List<EdgeProcess> processes = new ArrayList<>();
        try (Platform platform = Platform.start(EdgeScopeConfig.fromMap(Map.of(EdgeScopeConfig.BOOTSTRAP_SERVERS.name(), broker[0].bootstrapServers(),
                EdgeScopeConfig.SCHEMA_REGISTRY_URL.name(), registry[0].url(), EdgeScopeConfig.FRAME_PARTITIONS.name(), Integer.toString(PARTITIONS))))) {
            String appId = "edgescope-faults-" + UUID.randomUUID();
            for (String name : List.of("a", "b")) {
                List<String> settings = new ArrayList<>(List.of("application.id=" + appId, "state.dir=" + work.resolve(name),
                        "telemetry.http.port=0", "frames.partitions=" + PARTITIONS, "detector.threads=1",
                        "processing.guarantee=" + options.guarantee(), "kafka.session.timeout.ms=6000", "kafka.heartbeat.interval.ms=1000"));
                settings.addAll(options.settings());
                EdgeProcess p = new EdgeProcess(platform.bootstrapServers(), platform.registryUrl(), options.models(), settings);
                p.start();
                processes.add(p);
            }
            awaitRunning(processes);
            progress.accept("2 detection processes running; sending " + options.streams() + " x " + options.framesPerStream() + " frames");
            Map<Integer, Fault> faults = new LinkedHashMap<>();
            int n = options.framesPerStream();
            int[] counts = new int[3];
            faults.put(n / 4, () -> {
                progress.accept("SIGKILL one detection process and start it again");
                processes.get(0).kill();
                processes.get(0).start();
                counts[0]++;
            });
            faults.put(n / 2, () -> {
                progress.accept("restart the broker");
                broker[0].close();
                broker[0] = EmbeddedKafkaBroker.start(brokerData, brokerPort, maxBytes);
                counts[1]++;
            });
            faults.put(3 * n / 4, () -> {
                progress.accept("restart the schema registry");
                registry[0].close();
                registry[0] = startRegistry(broker[0].bootstrapServers(), registryPort);
                counts[2]++;
            });
            send(platform, faults);
            progress.accept("all frames sent; reading detections (read_committed)");
            List<Detections> received = readAll(platform);
            return report(received, counts, (System.nanoTime() - started) / 1e9);
        } finally {
            for (EdgeProcess p : processes) {
                p.kill();
            }
            registry[0].close();
            broker[0].close();
            deleteQuietly(work);
        }
    }

    private static EmbeddedSchemaRegistry startRegistry(String bootstrap, int port) {
        return EmbeddedSchemaRegistry.start(new SchemaStore(new KafkaSchemaLog(KafkaClientSettings.common(bootstrap), Topics.SCHEMAS, (short) 1),
                CompatibilityLevel.BACKWARD), HOST, port);
    }

    private static void awaitRunning(List<EdgeProcess> processes) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!processes.stream().allMatch(EdgeProcess::running)) {
            Optional<EdgeProcess> dead = processes.stream().filter(p -> !p.alive()).findFirst();
            if (dead.isPresent() || System.nanoTime() > deadline) {
                String why = dead.isPresent() ? "A detection process exited" : "Detection processes did not start within " + START_TIMEOUT;
                throw new IllegalStateException(why + "; its last output:\n" + (dead.isPresent() ? dead.get() : processes.get(0))
                        .tail(LOG_LINES_ON_FAILURE));
            }
            Thread.sleep(WAIT_STEP_MS);
        }
    }

    /** A fault injected while frames flow. */
    @FunctionalInterface
    private interface Fault {
        void inject() throws Exception;
    }

    private void send(Platform platform, Map<Integer, Fault> faults) throws Exception {
        List<EncodedFrame> images = new ArrayList<>();
        try (FrameSource source = FrameSources.open(options.clip().toString(), ImageCodec.DEFAULT_JPEG_QUALITY)) {
            for (Optional<EncodedFrame> f = source.next(); f.isPresent() && images.size() < DISTINCT_FRAMES; f = source.next()) {
                images.add(f.get());
            }
        }
        try (KafkaProducer<String, Frame> producer = new KafkaProducer<>(KafkaClientSettings.producer(platform.bootstrapServers(), platform.config()),
                new StringSerializer(), Topics.FRAMES.valueSerde(platform.registry()).serializer())) {
            for (int i = 0; i < options.framesPerStream(); i++) {
                Fault fault = faults.get(i);
                if (fault != null) {
                    fault.inject();
                }
                for (int s = 0; s < options.streams(); s++) {
                    String stream = "faults-" + s;
                    producer.send(new ProducerRecord<>(Topics.FRAMES.name(), stream,
                            FrameRecords.of(stream, i, Instant.now(), images.get(i % images.size()), "bench-faults")));
                }
                Thread.sleep(FRAME_GAP_MS);
            }
            producer.flush();
        }
    }

    private List<Detections> readAll(Platform platform) {
        long expected = (long) options.streams() * options.framesPerStream();
        Map<String, Object> props = new HashMap<>(KafkaClientSettings.consumer(platform.bootstrapServers(), platform.config()));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "edgescope-faults-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<Detections> received = new ArrayList<>();
        try (KafkaConsumer<String, Detections> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                Topics.DETECTIONS.valueSerde(platform.registry()).deserializer())) {
            consumer.subscribe(List.of(Topics.DETECTIONS.name()));
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (received.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(POLL).forEach(r -> received.add(r.value()));
            }
            for (int i = 0; i < SETTLE_POLLS; i++) {
                consumer.poll(POLL).forEach(r -> received.add(r.value()));
            }
        }
        return received;
    }

    private FaultReport report(List<Detections> received, int[] counts, double seconds) {
        Map<String, List<Long>> byStream = new HashMap<>();
        Map<String, Integer> perFrame = new HashMap<>();
        for (Detections d : received) {
            byStream.computeIfAbsent(d.getStreamId(), k -> new ArrayList<>()).add(d.getSequence());
            perFrame.merge(d.getStreamId() + "#" + d.getSequence(), 1, Integer::sum);
        }
        long frames = (long) options.streams() * options.framesPerStream();
        long unique = perFrame.size();
        long outOfOrder = byStream.values().stream().filter(seqs -> !isNonDecreasing(seqs)).count();
        FaultReport report = new FaultReport(options.guarantee(), options.streams(), frames, received.size(), unique, received.size() - unique,
                frames - unique, outOfOrder, counts[0], counts[1], counts[2], seconds);
        LOG.info("Fault run: {}", report.json());
        return report;
    }

    private static boolean isNonDecreasing(List<Long> values) {
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i) < values.get(i - 1)) {
                return false;
            }
        }
        return true;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", dir, e.getMessage());
        }
    }
}
