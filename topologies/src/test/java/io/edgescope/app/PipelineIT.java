package io.edgescope.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgescope.assets.Asset;
import io.edgescope.assets.SharedFolder;
import io.edgescope.cli.CliRun;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.detect.variants.Variant;
import io.edgescope.image.ImageCodec;
import io.edgescope.ingest.FrameIngestor;
import io.edgescope.media.FrameSources;
import io.edgescope.schemas.Detections;
import io.edgescope.schemas.Frame;
import io.edgescope.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole path on a real broker: ingest real video frames, detect with the real model, read detections. */
@Tag("integration")
class PipelineIT {

    private static final int FRAMES_PER_STREAM = 15;
    private static final long DEVICE_LINK_RTT_MS = 1000;
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Path SHARED = SharedFolder.find().orElseThrow();

    @TempDir
    static Path workDir;
    private static KafkaTestCluster cluster;
    private static Platform platform;
    private static DetectionService detection;
    private static SplitDeviceService device;

    @BeforeAll
    static void startPipeline() throws Exception {
        cluster = KafkaTestCluster.start();
        EdgeScopeConfig config = EdgeScopeConfig.fromMap(Map.of(
                EdgeScopeConfig.BOOTSTRAP_SERVERS.name(), cluster.bootstrapServers(),
                EdgeScopeConfig.REGISTRY_PORT.name(), "0",
                EdgeScopeConfig.TELEMETRY_HTTP_PORT.name(), "0",
                EdgeScopeConfig.APPLICATION_ID.name(), "pipeline-it-" + UUID.randomUUID(),
                EdgeScopeConfig.STATE_DIR.name(), workDir.resolve("state").toString(),
                EdgeScopeConfig.FRAME_PARTITIONS.name(), "2",
                EdgeScopeConfig.DETECTOR_THREADS.name(), "2",
                // the device's uplink, emulated on its producer: every activation waits out rtt + bytes / bandwidth
                EdgeScopeConfig.DEVICE_LINK_MBPS.name(), "100",
                EdgeScopeConfig.DEVICE_LINK_RTT_MS.name(), Long.toString(DEVICE_LINK_RTT_MS)));
        platform = Platform.start(config);
        VariantPool pool = TestDetectors.pool(config, workDir.resolve("variants"), 3);
        OnnxSplitParts split = new OnnxSplitParts(Variant.DEFAULT.id(), java.nio.file.Files.readAllBytes(
                SHARED.resolve(Variant.DEFAULT.asset().orElseThrow().folder()).resolve(Variant.DEFAULT.asset().orElseThrow().fileName())),
                Variant.DEFAULT.inputSize(), config.detectorSettings());
        detection = DetectionService.start(platform, pool, split);
        device = SplitDeviceService.start(platform, split);
    }

    @AfterAll
    static void stopPipeline() throws Exception {
        if (device != null) {
            device.close();
        }
        if (detection != null) {
            detection.close();
        }
        if (platform != null) {
            platform.close();
        }
        cluster.close();
    }

    @Test
    void shouldPublishExactlyOneDetectionsRecordPerFrameInOrderPerStream() throws Exception {
        String clip = SHARED.resolve(Asset.SAMPLE_CLIP.folder()).resolve(Asset.SAMPLE_CLIP.fileName()).toString();
        List<String> streams = List.of("it-cam-a", "it-cam-b");
        try (KafkaProducer<String, Frame> producer = new KafkaProducer<>(
                KafkaClientSettings.producer(platform.bootstrapServers(), platform.config()),
                new StringSerializer(), Topics.FRAMES.valueSerde(platform.registry()).serializer())) {
            FrameIngestor ingestor = new FrameIngestor(producer, Clock.systemUTC());
            for (String stream : streams) {
                ingestor.run(() -> FrameSources.open(clip, ImageCodec.DEFAULT_JPEG_QUALITY),
                        new FrameIngestor.Options(stream, 0.0, false, FRAMES_PER_STREAM, platform.config().maxFrameBytes()),
                        p -> { });
            }
        }

        List<Detections> received = new ArrayList<>();
        try (KafkaConsumer<String, Detections> consumer = consumer(Topics.DETECTIONS.valueSerde(platform.registry()).deserializer())) {
            consumer.subscribe(List.of(Topics.DETECTIONS.name()));
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> keepIfIn(streams, r.value(), received));
                return received.size() >= streams.size() * FRAMES_PER_STREAM;
            });
            consumer.poll(Duration.ofSeconds(2)).forEach(r -> keepIfIn(streams, r.value(), received));
        }

        assertThat(received).hasSize(streams.size() * FRAMES_PER_STREAM);
        for (String stream : streams) {
            List<Long> sequences = received.stream().filter(d -> d.getStreamId().equals(stream)).map(Detections::getSequence).toList();
            assertThat(sequences).as(stream).isEqualTo(java.util.stream.LongStream.range(0, FRAMES_PER_STREAM).boxed().toList());
        }
        Detections first = received.stream().filter(d -> d.getSequence() == 0).findFirst().orElseThrow();
        assertThat(first.getVariantId()).isEqualTo("yolox-nano-416");
        assertThat(first.getFrameWidth()).isEqualTo(768);
        assertThat(first.getBoxes()).anyMatch(b -> b.getLabel().equals("person"));
    }

    @Test
    void shouldRouteBadFramesToDeadLetterTopicWithReasonAndKeepProcessing() throws Exception {
        String stream = "it-bad";
        Map<String, Object> raw = KafkaClientSettings.producer(platform.bootstrapServers(), platform.config());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(raw, new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> garbage = new ProducerRecord<>(Topics.FRAMES.name(), stream,
                    "definitely not avro".getBytes(StandardCharsets.UTF_8));
            garbage.headers().add(FrameIngestor.STREAM_ID_HEADER, stream.getBytes(StandardCharsets.UTF_8));
            producer.send(garbage).get();
            producer.send(new ProducerRecord<>(Topics.FRAMES.name(), stream, new byte[] {0, 0, 0, 0x7a, 0x11, 1})).get();
        }
        try (KafkaProducer<String, Frame> producer = new KafkaProducer<>(
                KafkaClientSettings.producer(platform.bootstrapServers(), platform.config()),
                new StringSerializer(), Topics.FRAMES.valueSerde(platform.registry()).serializer())) {
            Frame empty = Frame.newBuilder().setStreamId(stream).setSequence(0).setCaptureTime(java.time.Instant.now())
                    .setWidth(10).setHeight(10).setEncoding(io.edgescope.schemas.ImageEncoding.JPEG)
                    .setImage(java.nio.ByteBuffer.allocate(0)).setSource("it").build();
            producer.send(new ProducerRecord<>(Topics.FRAMES.name(), stream, empty)).get();
        }

        List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.FRAMES_DLQ.name()));
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(dead::add);
                return dead.stream().filter(r -> stream.equals(new String(r.key(), StandardCharsets.UTF_8))).count() >= 3;
            });
        }
        List<ConsumerRecord<byte[], byte[]>> ours = dead.stream()
                .filter(r -> stream.equals(new String(r.key(), StandardCharsets.UTF_8))).toList();
        assertThat(ours).hasSize(3);
        assertThat(header(ours.get(0), "__streams.errors.message")).contains("magic byte");
        assertThat(header(ours.get(0), FrameIngestor.STREAM_ID_HEADER)).isEqualTo(stream);
        assertThat(header(ours.get(1), "__streams.errors.message")).contains("Unknown schema id");
        assertThat(header(ours.get(2), "__streams.errors.message")).contains("empty image");
        for (ConsumerRecord<byte[], byte[]> r : ours) {
            assertThat(header(r, "__streams.errors.topic")).isEqualTo(Topics.FRAMES.name());
            assertThat(header(r, "__streams.errors.partition")).isNotNull();
            assertThat(header(r, "__streams.errors.offset")).isNotNull();
            assertThat(header(r, "__streams.errors.exception")).isNotBlank();
        }
        assertThat(detection.state().isRunningOrRebalancing()).isTrue();
    }

    @Test
    void shouldShowDetectionsAsJsonLinesWithTail() throws Exception {
        String clip = SHARED.resolve(Asset.SAMPLE_CLIP.folder()).resolve(Asset.SAMPLE_CLIP.fileName()).toString();
        try (KafkaProducer<String, Frame> producer = new KafkaProducer<>(
                KafkaClientSettings.producer(platform.bootstrapServers(), platform.config()),
                new StringSerializer(), Topics.FRAMES.valueSerde(platform.registry()).serializer())) {
            new FrameIngestor(producer, Clock.systemUTC()).run(() -> FrameSources.open(clip, ImageCodec.DEFAULT_JPEG_QUALITY),
                    new FrameIngestor.Options("it-tail", 0.0, false, 2, platform.config().maxFrameBytes()), p -> { });
        }
        CliRun tail = CliRun.of("tail", "detections", "--bootstrap", platform.bootstrapServers(),
                "--registry", platform.registryUrl(), "--stream", "it-tail", "--from-beginning", "--max", "2");
        assertThat(tail.exit()).as(tail.err()).isZero();
        List<String> lines = tail.out().lines().toList();
        assertThat(lines).hasSize(2);
        com.fasterxml.jackson.databind.JsonNode first = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("streamId").asText()).isEqualTo("it-tail");
        assertThat(first.get("sequence").asLong()).isZero();
        assertThat(first.get("captureTime").asText()).endsWith("Z");
        assertThat(first.get("boxes").isArray()).isTrue();
    }

    @Test
    void shouldScoreWhatTheLivePipelineShowedAgainstGroundTruth() throws Exception {
        Path sequence = SHARED.resolve("datasets/TUD-Campus");
        try (KafkaProducer<String, Frame> producer = new KafkaProducer<>(
                KafkaClientSettings.producer(platform.bootstrapServers(), platform.config()),
                new StringSerializer(), Topics.FRAMES.valueSerde(platform.registry()).serializer())) {
            new FrameIngestor(producer, Clock.systemUTC()).run(() -> FrameSources.open(sequence.toString(), 90),
                    new FrameIngestor.Options("it-tud", null, false, 0, platform.config().maxFrameBytes()), p -> { });
        }
        CliRun evaluate = CliRun.of("evaluate", "--gt", sequence.toString(), "--stream", "it-tud",
                "--bootstrap", platform.bootstrapServers(), "--registry", platform.registryUrl(), "--idle-seconds", "3", "--json");
        assertThat(evaluate.exit()).as(evaluate.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(evaluate.out());
        assertThat(report.get("frames").asInt()).isEqualTo(71);
        assertThat(report.get("dropped_fraction").asDouble()).isZero();
        assertThat(report.get("ap50").asDouble()).isGreaterThan(0.7);
        assertThat(report.get("realtime_ap50").asDouble()).isLessThanOrEqualTo(report.get("ap50").asDouble());
        assertThat(report.get("mean_staleness_frames").asDouble()).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void shouldServeLiveTelemetryOfARomaStreamOverHttp() throws Exception {
        String stream = "it-roma";
        CliRun set = CliRun.of("profile", "set", stream, "--roma", "--bootstrap", platform.bootstrapServers(), "--registry", platform.registryUrl());
        assertThat(set.exit()).as(set.err()).isZero();
        Path sequence = SHARED.resolve("datasets/TUD-Campus");
        int frames = 71;
        try (KafkaProducer<String, Frame> producer = new KafkaProducer<>(
                KafkaClientSettings.producer(platform.bootstrapServers(), platform.config()),
                new StringSerializer(), Topics.FRAMES.valueSerde(platform.registry()).serializer())) {
            new FrameIngestor(producer, Clock.systemUTC()).run(() -> FrameSources.open(sequence.toString(), ImageCodec.DEFAULT_JPEG_QUALITY),
                    new FrameIngestor.Options(stream, null, false, 0, platform.config().maxFrameBytes()), p -> { });
        }
        String url = "http://localhost:" + detection.telemetryPort();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        await().atMost(WAIT).until(() -> {
            CliRun t = CliRun.of("telemetry", stream, "--url", url, "--json");
            return t.exit() == 0 && java.util.stream.StreamSupport.stream(json.readTree(t.out()).spliterator(), false)
                    .mapToInt(w -> w.get("framesIn").asInt()).sum() == frames;
        });
        com.fasterxml.jackson.databind.JsonNode windows = json.readTree(CliRun.of("telemetry", stream, "--url", url, "--json").out());
        com.fasterxml.jackson.databind.JsonNode last = windows.get(windows.size() - 1);
        assertThat(last.get("policy").asText()).isEqualTo("ROMA");
        int processed = java.util.stream.StreamSupport.stream(windows.spliterator(), false).mapToInt(w -> w.get("framesProcessed").asInt()).sum();
        int dropped = java.util.stream.StreamSupport.stream(windows.spliterator(), false).mapToInt(w -> w.get("framesDropped").asInt()).sum();
        assertThat(processed + dropped).isEqualTo(frames);
        assertThat(processed).isPositive();
        CliRun table = CliRun.of("telemetry", stream, "--url", url);
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).contains("| ROMA |");
        CliRun measured = CliRun.of("telemetry", stream, "--url", url, "--json", "--gt", sequence.toString(),
                "--bootstrap", platform.bootstrapServers(), "--registry", platform.registryUrl());
        assertThat(measured.exit()).as(measured.err()).isZero();
        assertThat(java.util.stream.StreamSupport.stream(json.readTree(measured.out()).spliterator(), false)
                .filter(w -> w.has("measuredRealtimeAp50")).mapToDouble(w -> w.get("measuredRealtimeAp50").asDouble()).max().orElse(0))
                .isGreaterThan(0.3);
        CliRun missing = CliRun.of("telemetry", stream, "--url", "http://localhost:1");
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("No detection instance answers");
    }

    @Test
    void shouldAnswerHealthChecksAndExposePerStreamPrometheusMetrics() throws Exception {
        String clip = SHARED.resolve(Asset.SAMPLE_CLIP.folder()).resolve(Asset.SAMPLE_CLIP.fileName()).toString();
        try (KafkaProducer<String, Frame> producer = new KafkaProducer<>(
                KafkaClientSettings.producer(platform.bootstrapServers(), platform.config()),
                new StringSerializer(), Topics.FRAMES.valueSerde(platform.registry()).serializer())) {
            new FrameIngestor(producer, Clock.systemUTC()).run(() -> FrameSources.open(clip, ImageCodec.DEFAULT_JPEG_QUALITY),
                    new FrameIngestor.Options("it-metrics", 0.0, false, 3, platform.config().maxFrameBytes()), p -> { });
        }
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String base = "http://localhost:" + detection.telemetryPort();
        java.util.function.Function<String, java.net.http.HttpResponse<String>> get = path -> {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        assertThat(get.apply(OperationsEndpoints.LIVE).statusCode()).isEqualTo(200);
        assertThat(get.apply(OperationsEndpoints.READY).body()).contains("RUNNING");
        await().atMost(WAIT).until(() -> get.apply(OperationsEndpoints.METRICS).body()
                .contains("edgescope_frames_processed_total{stream=\"it-metrics\",variant=\"yolox-nano-416\"} 3.0"));
        String metrics = get.apply(OperationsEndpoints.METRICS).body();
        assertThat(metrics).contains("edgescope_latency_seconds_bucket{stream=\"it-metrics\"").contains("kafka_stream")
                .contains("edgescope_variant_active{stream=\"it-metrics\",variant=\"yolox-nano-416\"} 1.0");
    }

    @Test
    void shouldGrabCamerasListedInTheSourcesTopicWithoutARestart() throws Exception {
        String[] client = {"--bootstrap", platform.bootstrapServers(), "--registry", platform.registryUrl()};
        Path sequence = SHARED.resolve("datasets/TUD-Campus");
        String clip = SHARED.resolve(Asset.SAMPLE_CLIP.folder()).resolve(Asset.SAMPLE_CLIP.fileName()).toString();
        try (io.edgescope.ingest.IngestSupervisor supervisor = IngestSupervisors.start(platform)) {
            assertThat(CliRun.of(concat(new String[] {"sources", "add", "it-src", "--url", sequence.toString(), "--fps", "0"}, client)).exit()).isZero();
            assertThat(CliRun.of(concat(new String[] {"sources", "add", "it-loop", "--url", clip, "--fps", "5", "--loop"}, client)).exit()).isZero();
            assertThat(CliRun.of(concat(new String[] {"sources", "add", "it-broken", "--url", "/no/such/camera.mp4"}, client)).exit()).isZero();
            await().atMost(WAIT).until(() -> {
                var h = supervisor.health();
                return h.containsKey("it-src") && h.get("it-src").state() == io.edgescope.ingest.SourceHealth.State.FINISHED
                        && h.containsKey("it-loop") && h.get("it-loop").framesSent() > 0
                        && h.containsKey("it-broken") && h.get("it-broken").state() == io.edgescope.ingest.SourceHealth.State.RECONNECTING;
            });
            assertThat(supervisor.health().get("it-src").framesSent()).isEqualTo(71);
            assertThat(supervisor.health().get("it-broken").lastError()).isNotBlank();

            assertThat(CliRun.of(concat(new String[] {"sources", "remove", "it-loop"}, client)).exit()).isZero();
            await().atMost(WAIT).until(() -> !supervisor.health().containsKey("it-loop"));
            CliRun list = CliRun.of(concat(new String[] {"sources", "list"}, client));
            assertThat(list.out()).contains("\"it-src\"").contains("\"it-broken\"").doesNotContain("\"it-loop\"");
        }
        // a finished file would be grabbed again by the next supervisor to read the topic: remove it
        assertThat(CliRun.of(concat(new String[] {"sources", "remove", "it-src"}, client)).exit()).isZero();
        assertThat(CliRun.of(concat(new String[] {"sources", "remove", "it-broken"}, client)).exit()).isZero();
        // two supervisors share the sources: exactly one grabs a camera, the other takes it over when it stops
        assertThat(CliRun.of(concat(new String[] {"sources", "add", "it-failover", "--url", clip, "--fps", "5", "--loop"}, client)).exit()).isZero();
        io.edgescope.ingest.IngestSupervisor first = IngestSupervisors.start(platform);
        try (io.edgescope.ingest.IngestSupervisor second = IngestSupervisors.start(platform)) {
            await().atMost(WAIT).until(() -> first.health().containsKey("it-failover") != second.health().containsKey("it-failover"));
            io.edgescope.ingest.IngestSupervisor owner = first.health().containsKey("it-failover") ? first : second;
            io.edgescope.ingest.IngestSupervisor other = owner == first ? second : first;
            await().atMost(WAIT).until(() -> owner.health().get("it-failover").framesSent() > 0);
            long sentBefore = owner.health().get("it-failover").framesSent();
            owner.close();
            await().atMost(WAIT).until(() -> other.health().containsKey("it-failover") && other.health().get("it-failover").framesSent() > 2);
            assertThat(CliRun.of(concat(new String[] {"sources", "remove", "it-failover"}, client)).exit()).isZero();
            await().atMost(WAIT).until(() -> !other.health().containsKey("it-failover"));
            // the new owner numbers on where the old one stopped: one run of frame numbers, no restart at 0
            List<Long> numbers = new ArrayList<>();
            var frameReader = Topics.FRAMES.valueSerde(platform.registry()).deserializer();
            try (KafkaConsumer<byte[], byte[]> frames = consumerOf(new ByteArrayDeserializer())) {
                frames.subscribe(List.of(Topics.FRAMES.name()));
                await().atMost(WAIT).until(() -> {
                    var batch = frames.poll(Duration.ofMillis(500));
                    batch.forEach(r -> {
                        if (r.key() != null && "it-failover".equals(new String(r.key(), StandardCharsets.UTF_8))) {
                            numbers.add(frameReader.deserialize(r.topic(), r.headers(), r.value()).getSequence());
                        }
                    });
                    return batch.isEmpty() && numbers.size() > sentBefore + 2;
                });
            }
            assertThat(numbers).isEqualTo(java.util.stream.LongStream.range(0, numbers.size()).boxed().toList());
        } finally {
            first.close();
        }
        List<Detections> received = new ArrayList<>();
        try (KafkaConsumer<String, Detections> consumer = consumer(Topics.DETECTIONS.valueSerde(platform.registry()).deserializer())) {
            consumer.subscribe(List.of(Topics.DETECTIONS.name()));
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> keepIfIn(List.of("it-src"), r.value(), received));
                return received.size() >= 71;
            });
        }
        assertThat(received).extracting(Detections::getSequence).isEqualTo(java.util.stream.LongStream.range(0, 71).boxed().toList());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void shouldDetectASplitStreamThroughTheDeviceAndTheEdge() throws Exception {
        String stream = "it-split";
        String plan = "scissionlite:Mul_115:uint8+zstd";
        CliRun set = CliRun.of("profile", "set", stream, "--split", plan, "--bootstrap", platform.bootstrapServers(),
                "--registry", platform.registryUrl());
        assertThat(set.exit()).as(set.err()).isZero();
        String clip = SHARED.resolve(Asset.SAMPLE_CLIP.folder()).resolve(Asset.SAMPLE_CLIP.fileName()).toString();
        int frames = 5;
        List<Detections> received = new ArrayList<>();
        try (KafkaConsumer<String, Detections> consumer = consumer(Topics.DETECTIONS.valueSerde(platform.registry()).deserializer())) {
            consumer.subscribe(List.of(Topics.DETECTIONS.name()));
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200));
                return !consumer.assignment().isEmpty();
            });
            Thread.sleep(1000); // both topologies' global profile stores have the profile by now
            try (KafkaProducer<String, Frame> producer = new KafkaProducer<>(
                    KafkaClientSettings.producer(platform.bootstrapServers(), platform.config()),
                    new StringSerializer(), Topics.FRAMES.valueSerde(platform.registry()).serializer())) {
                new FrameIngestor(producer, Clock.systemUTC()).run(() -> FrameSources.open(clip, ImageCodec.DEFAULT_JPEG_QUALITY),
                        new FrameIngestor.Options(stream, 0.0, false, frames, platform.config().maxFrameBytes()), p -> { });
            }
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> keepIfIn(List.of(stream), r.value(), received));
                return received.size() >= frames;
            });
        }
        assertThat(received).extracting(Detections::getSequence).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(received).extracting(Detections::getVariantId).containsOnly("yolox-nano-416@" + plan);
        assertThat(received.get(0).getBoxes()).anyMatch(b -> b.getLabel().equals("person"));
        // the emulated link held each activation on the device: capture to detections took at least its rtt
        assertThat(received).allSatisfy(d -> assertThat(d.getLatencyMillis()).isGreaterThanOrEqualTo(DEVICE_LINK_RTT_MS));
    }

    @Test
    void shouldSwitchTwoStreamsToDifferentVariantsMidRunWithoutLosingFrames() throws Exception {
        Map<String, String> targets = Map.of("it-switch-a", "yolox-nano-320", "it-switch-b", "fastestdet-352");
        List<String> streams = List.copyOf(targets.keySet());
        String clip = SHARED.resolve(Asset.SAMPLE_CLIP.folder()).resolve(Asset.SAMPLE_CLIP.fileName()).toString();
        List<Detections> received = new ArrayList<>();
        Map<String, Integer> sent = new HashMap<>();
        try (KafkaProducer<String, Frame> producer = new KafkaProducer<>(
                KafkaClientSettings.producer(platform.bootstrapServers(), platform.config()),
                new StringSerializer(), Topics.FRAMES.valueSerde(platform.registry()).serializer());
             KafkaConsumer<String, Detections> consumer = consumer(Topics.DETECTIONS.valueSerde(platform.registry()).deserializer());
             io.edgescope.media.FrameSource source = FrameSources.open(clip, ImageCodec.DEFAULT_JPEG_QUALITY)) {
            consumer.subscribe(List.of(Topics.DETECTIONS.name()));
            for (int i = 0; i < 3; i++) {
                for (String stream : streams) {
                    sendNext(producer, source, stream, sent);
                }
            }
            for (String stream : streams) {
                CliRun set = CliRun.of("profile", "set", stream, "--variant", targets.get(stream),
                        "--bootstrap", platform.bootstrapServers(), "--registry", platform.registryUrl());
                assertThat(set.exit()).as(set.err()).isZero();
            }
            long deadline = System.currentTimeMillis() + WAIT.toMillis();
            while (!streams.stream().allMatch(st -> received.stream().anyMatch(d -> d.getStreamId().equals(st)
                    && d.getVariantId().equals(targets.get(st)))) && System.currentTimeMillis() < deadline) {
                for (String stream : streams) {
                    sendNext(producer, source, stream, sent);
                }
                consumer.poll(Duration.ofMillis(300)).forEach(r -> keepIfIn(streams, r.value(), received));
            }
            int expected = sent.values().stream().mapToInt(Integer::intValue).sum();
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> keepIfIn(streams, r.value(), received));
                return received.size() >= expected;
            });
        }
        for (String stream : streams) {
            List<Detections> ours = received.stream().filter(d -> d.getStreamId().equals(stream)).toList();
            assertThat(ours).extracting(Detections::getSequence).as(stream)
                    .isEqualTo(java.util.stream.LongStream.range(0, sent.get(stream)).boxed().toList());
            List<String> variants = ours.stream().map(Detections::getVariantId).toList();
            assertThat(variants.get(0)).isEqualTo("yolox-nano-416");
            int firstNew = variants.indexOf(targets.get(stream));
            assertThat(firstNew).as(stream + " switched").isPositive();
            assertThat(variants.subList(firstNew, variants.size())).as(stream).containsOnly(targets.get(stream));
        }
    }

    private static void sendNext(KafkaProducer<String, Frame> producer, io.edgescope.media.FrameSource source, String stream,
                                 Map<String, Integer> sent) throws Exception {
        int sequence = sent.merge(stream, 1, Integer::sum) - 1;
        producer.send(new ProducerRecord<>(Topics.FRAMES.name(), stream, io.edgescope.ingest.FrameRecords.of(stream, sequence,
                java.time.Instant.now(), source.next().orElseThrow(), "it"))).get();
    }

    @Test
    void shouldDeadLetterAProfileNamingAnUnknownVariant() throws Exception {
        try (KafkaProducer<String, io.edgescope.schemas.StreamProfile> producer = new KafkaProducer<>(
                KafkaClientSettings.producer(platform.bootstrapServers(), platform.config()), new StringSerializer(),
                Topics.STREAM_PROFILES.valueSerde(platform.registry()).serializer())) {
            producer.send(new ProducerRecord<>(Topics.STREAM_PROFILES.name(), "it-bad-profile",
                    io.edgescope.schemas.StreamProfile.newBuilder().setStreamId("it-bad-profile")
                            .setPolicy(io.edgescope.schemas.VariantPolicy.FIXED).setVariantId("resnet-9000")
                            .setUpdatedAt(java.time.Instant.now()).build())).get();
        }
        List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.STREAM_PROFILES_DLQ.name()));
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(dead::add);
                return !dead.isEmpty();
            });
        }
        assertThat(new String(dead.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("it-bad-profile");
        assertThat(header(dead.get(0), "__streams.errors.message")).contains("unknown variant 'resnet-9000'");
        assertThat(header(dead.get(0), "__streams.errors.topic")).isEqualTo(Topics.STREAM_PROFILES.name());
        assertThat(detection.state().isRunningOrRebalancing()).isTrue();
    }

    /** Other tests publish on the same topic: keep only this test's streams. */
    private static void keepIfIn(List<String> streams, Detections d, List<Detections> received) {
        if (streams.contains(d.getStreamId())) {
            received.add(d);
        }
    }

    private static <V> KafkaConsumer<byte[], V> consumerOf(org.apache.kafka.common.serialization.Deserializer<V> values) {
        Map<String, Object> props = new HashMap<>(KafkaClientSettings.consumer(platform.bootstrapServers(), platform.config()));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), values);
    }

    @SuppressWarnings("unchecked")
    private static <K, V> KafkaConsumer<K, V> consumer(org.apache.kafka.common.serialization.Deserializer<V> values) {
        return (KafkaConsumer<K, V>) consumerOf(values);
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
