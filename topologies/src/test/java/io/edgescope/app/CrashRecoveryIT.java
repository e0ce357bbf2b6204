package io.edgescope.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgescope.assets.Asset;
import io.edgescope.assets.SharedFolder;
import io.edgescope.cli.EdgeScopeCli;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.image.ImageCodec;
import io.edgescope.ingest.FrameRecords;
import io.edgescope.media.EncodedFrame;
import io.edgescope.media.FrameSource;
import io.edgescope.media.FrameSources;
import io.edgescope.schemas.Detections;
import io.edgescope.schemas.Frame;
import io.edgescope.topics.Topics;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once through faults: two detection processes (their own JVMs) share the frames; while
 * frames flow, one is killed with SIGKILL and restarted, the broker is restarted, or the schema
 * registry is; a
 * read_committed consumer then finds exactly one detections record per frame, none lost, none
 * duplicated, in order per stream.
 */
class CrashRecoveryIT {

    private static final Path SHARED = SharedFolder.find().orElseThrow();
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final int STREAMS = 4;
    private static final int FRAMES = 40;
    private static final long FRAME_GAP_MS = 40;

    @TempDir
    Path work;

    private Process start(String bootstrap, String registry, String appId, Path dir, List<String> log) throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m", "-cp",
                System.getProperty("java.class.path"), EdgeScopeCli.class.getName(), "run", "edge", "--bootstrap", bootstrap, "--registry", registry,
                "--models", SHARED.resolve("models").toString(), "-D", "application.id=" + appId, "-D", "state.dir=" + dir,
                "-D", "telemetry.http.port=0", "-D", "frames.partitions=4", "-D", "detector.threads=1",
                "-D", "kafka.session.timeout.ms=6000", "-D", "kafka.heartbeat.interval.ms=1000");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    log.add(line);
                }
            } catch (java.io.IOException e) {
                // process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        return p;
    }

    @Test
    void shouldPublishExactlyOneDetectionsRecordPerFrameThroughAKilledAndRestartedInstance() throws Exception {
        try (KafkaTestCluster cluster = KafkaTestCluster.start();
             Platform platform = Platform.start(EdgeScopeConfig.fromMap(Map.of(EdgeScopeConfig.BOOTSTRAP_SERVERS.name(),
                     cluster.bootstrapServers(), EdgeScopeConfig.REGISTRY_PORT.name(), "0", EdgeScopeConfig.FRAME_PARTITIONS.name(), "4")))) {
            exactlyOnceThrough(platform, "crash-it", in -> in::killAndRestartFirst, in -> {
                assertThat(in.first.isAlive()).as("the killed instance").isFalse();
                assertThat(in.restarted).singleElement().matches(Process::isAlive, "restarted instance alive");
            });
        }
    }

    @Test
    void shouldPublishExactlyOneDetectionsRecordPerFrameThroughABrokerRestart() throws Exception {
        int port = freePort();
        Path data = work.resolve("broker");
        int maxBytes = KafkaClientSettings.maxRecordBytes(EdgeScopeConfig.defaults());
        EmbeddedKafkaBroker[] broker = {EmbeddedKafkaBroker.start(data, port, maxBytes)};
        try (Platform platform = Platform.start(EdgeScopeConfig.fromMap(Map.of(EdgeScopeConfig.BOOTSTRAP_SERVERS.name(),
                broker[0].bootstrapServers(), EdgeScopeConfig.REGISTRY_PORT.name(), "0", EdgeScopeConfig.FRAME_PARTITIONS.name(), "4")))) {
            exactlyOnceThrough(platform, "broker-restart-it", in -> () -> {
                broker[0].close();
                broker[0] = EmbeddedKafkaBroker.start(data, port, maxBytes);
            }, Instances::assertBothAlive);
        } finally {
            broker[0].close();
        }
    }

    @Test
    void shouldPublishExactlyOneDetectionsRecordPerFrameThroughARegistryRestart() throws Exception {
        int port = freePort();
        try (KafkaTestCluster cluster = KafkaTestCluster.start()) {
            java.util.function.Supplier<io.edgescope.registry.EmbeddedSchemaRegistry> registry = () -> io.edgescope.registry.EmbeddedSchemaRegistry.start(
                    new io.edgescope.registry.SchemaStore(new io.edgescope.registry.KafkaSchemaLog(KafkaClientSettings.common(cluster.bootstrapServers()),
                            Topics.SCHEMAS, (short) 1), io.edgescope.registry.CompatibilityLevel.BACKWARD), "localhost", port);
            io.edgescope.registry.EmbeddedSchemaRegistry[] running = {registry.get()};
            try (Platform platform = Platform.start(EdgeScopeConfig.fromMap(Map.of(EdgeScopeConfig.BOOTSTRAP_SERVERS.name(),
                    cluster.bootstrapServers(), EdgeScopeConfig.SCHEMA_REGISTRY_URL.name(), running[0].url(),
                    EdgeScopeConfig.FRAME_PARTITIONS.name(), "4")))) {
                exactlyOnceThrough(platform, "registry-restart-it", in -> () -> {
                    running[0].close();
                    running[0] = registry.get();
                }, Instances::assertBothAlive);
            } finally {
                running[0].close();
            }
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Two detection processes of one application on {@code platform}; restarts are tracked so all are killed at the end. */
    private final class Instances {
        final Platform platform;
        final String appId;
        final List<String> firstLog = new CopyOnWriteArrayList<>();
        final List<String> secondLog = new CopyOnWriteArrayList<>();
        final Process first;
        final Process second;
        final List<Process> restarted = new ArrayList<>();

        Instances(Platform platform, String appId) throws Exception {
            this.platform = platform;
            this.appId = appId;
            this.first = start(platform.bootstrapServers(), platform.registryUrl(), appId, work.resolve("a"), firstLog);
            this.second = start(platform.bootstrapServers(), platform.registryUrl(), appId, work.resolve("b"), secondLog);
        }

        boolean running() {
            return CrashRecoveryIT.running(firstLog) && CrashRecoveryIT.running(secondLog);
        }

        /** SIGKILL the first instance and start it again on its state directory. */
        void killAndRestartFirst() throws Exception {
            first.destroyForcibly().waitFor();
            restarted.add(start(platform.bootstrapServers(), platform.registryUrl(), appId, work.resolve("a"), firstLog));
        }

        void assertBothAlive() {
            assertThat(first.isAlive() && second.isAlive()).as("both instances rode out the restart").isTrue();
        }

        void killAll() {
            first.destroyForcibly();
            second.destroyForcibly();
            restarted.forEach(Process::destroyForcibly);
        }
    }

    /** Starts two instances, sends every frame with {@code fault} injected a third of the way, checks exactly once, then {@code check}. */
    private void exactlyOnceThrough(Platform platform, String name, java.util.function.Function<Instances, Fault> fault,
                                    java.util.function.Consumer<Instances> check) throws Exception {
        Instances instances = new Instances(platform, name + "-" + UUID.randomUUID());
        try {
            await().atMost(WAIT).until(instances::running);
            send(platform, fault.apply(instances));
            assertExactlyOnceInOrder(readAll(platform));
            check.accept(instances);
        } finally {
            instances.killAll();
        }
    }

    private static void assertExactlyOnceInOrder(List<Detections> received) {
        Map<String, List<Long>> byStream = new HashMap<>();
        received.forEach(d -> byStream.computeIfAbsent(d.getStreamId(), k -> new ArrayList<>()).add(d.getSequence()));
        Set<String> unique = new HashSet<>();
        received.forEach(d -> unique.add(d.getStreamId() + "#" + d.getSequence()));
        assertThat(unique).as("lost frames").hasSize(STREAMS * FRAMES);
        assertThat(received).as("duplicated detections").hasSize(STREAMS * FRAMES);
        byStream.forEach((s, seqs) -> assertThat(seqs).as("order of " + s).isSorted());
    }

    /** A fault injected while frames flow. */
    @FunctionalInterface
    private interface Fault {
        void inject() throws Exception;
    }

    private static boolean running(List<String> log) {
        return log.stream().anyMatch(l -> l.startsWith("Running edge"));
    }

    /** Sends every frame, injecting {@code fault} a third of the way. */
    private void send(Platform platform, Fault fault) throws Exception {
        String clip = SHARED.resolve(Asset.SAMPLE_CLIP.folder()).resolve(Asset.SAMPLE_CLIP.fileName()).toString();
        try (KafkaProducer<String, Frame> producer = new KafkaProducer<>(KafkaClientSettings.producer(platform.bootstrapServers(), platform.config()),
                new StringSerializer(), Topics.FRAMES.valueSerde(platform.registry()).serializer());
             FrameSource source = FrameSources.open(clip, ImageCodec.DEFAULT_JPEG_QUALITY)) {
            EncodedFrame frame = source.next().orElseThrow();
            for (int i = 0; i < FRAMES; i++) {
                if (i == FRAMES / 3) {
                    fault.inject();
                }
                for (int s = 0; s < STREAMS; s++) {
                    String stream = "crash-" + s;
                    producer.send(new ProducerRecord<>(Topics.FRAMES.name(), stream, FrameRecords.of(stream, i, Instant.now(), frame, "it")));
                }
                Thread.sleep(FRAME_GAP_MS);
            }
            producer.flush();
        }
    }

    private static List<Detections> readAll(Platform platform) {
        Map<String, Object> props = new HashMap<>(KafkaClientSettings.consumer(platform.bootstrapServers(), platform.config()));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "crash-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<Detections> received = new ArrayList<>();
        try (KafkaConsumer<String, Detections> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                Topics.DETECTIONS.valueSerde(platform.registry()).deserializer())) {
            consumer.subscribe(List.of(Topics.DETECTIONS.name()));
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, Detections> r : consumer.poll(Duration.ofMillis(500))) {
                    received.add(r.value());
                }
                return received.size() >= STREAMS * FRAMES;
            });
            for (int i = 0; i < 6; i++) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> received.add(r.value()));
            }
        }
        return received;
    }
}
