package io.edgescope.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgescope.assets.Asset;
import io.edgescope.assets.SharedFolder;
import io.edgescope.config.EdgeScopeConfig;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parallelism is partitions: two detection instances share four, and one takes all when the other stops, every frame accounted for. */
class ScaleOutIT {

    private static final Path SHARED = SharedFolder.find().orElseThrow();
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int STREAMS = 8;
    private static final int FRAMES = 4;

    @TempDir
    Path work;

    @Test
    void shouldShareFramePartitionsBetweenInstancesAndHandOverWhenOneStops() throws Exception {
        try (KafkaTestCluster cluster = KafkaTestCluster.start()) {
            EdgeScopeConfig first = EdgeScopeConfig.fromMap(Map.of(EdgeScopeConfig.BOOTSTRAP_SERVERS.name(), cluster.bootstrapServers(),
                    EdgeScopeConfig.REGISTRY_PORT.name(), "0", EdgeScopeConfig.TELEMETRY_HTTP_PORT.name(), "0",
                    EdgeScopeConfig.APPLICATION_ID.name(), "scale-out-it-" + UUID.randomUUID(), EdgeScopeConfig.STATE_DIR.name(),
                    work.resolve("a").toString(), EdgeScopeConfig.FRAME_PARTITIONS.name(), "4", EdgeScopeConfig.DETECTOR_THREADS.name(), "1"));
            try (Platform a = Platform.start(first)) {
                EdgeScopeConfig second = first.with(Map.of(EdgeScopeConfig.STATE_DIR.name(), work.resolve("b").toString(),
                        EdgeScopeConfig.SCHEMA_REGISTRY_URL.name(), a.registryUrl()));
                try (Platform b = Platform.start(second);
                     DetectionService one = DetectionService.start(a, TestDetectors.pool(first, work.resolve("v"), 1));
                     KafkaConsumer<String, Detections> consumer = consumer(a)) {
                    DetectionService two = DetectionService.start(b, TestDetectors.pool(second, work.resolve("v"), 1));
                    await().atMost(WAIT).until(() -> one.activeTasks() > 0 && two.activeTasks() > 0);
                    assertThat(one.activeTasks() + two.activeTasks()).isEqualTo(4);

                    consumer.subscribe(List.of(Topics.DETECTIONS.name()));
                    List<Detections> received = new ArrayList<>();
                    send(a, 0);
                    awaitCount(consumer, received, STREAMS * FRAMES);

                    // any instance answers for every stream: the list gathers both, a stream's latest comes from its owner
                    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
                    String base = "http://localhost:" + one.telemetryPort();
                    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
                    await().atMost(WAIT).until(() -> json.readTree(get(http, base + "/streams")).size() == STREAMS);
                    for (int s = 0; s < STREAMS; s++) {
                        com.fasterxml.jackson.databind.JsonNode latest = json.readTree(get(http, base + "/streams/scale-" + s + "/latest"));
                        assertThat(latest.get("streamId").asText()).isEqualTo("scale-" + s);
                        assertThat(latest.get("sequence").asLong()).isEqualTo(FRAMES - 1);
                        // so does its latest frame, an image passed on as it came from the owner
                        java.net.http.HttpResponse<byte[]> frame = http.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(base + "/streams/scale-" + s + "/frame.jpg")).build(),
                                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                        assertThat(frame.statusCode()).isEqualTo(200);
                        assertThat(frame.headers().firstValue("Content-Type")).hasValue("image/jpeg");
                        assertThat(frame.headers().firstValue("Cache-Control")).hasValue("no-store");
                        assertThat(frame.body()).startsWith((byte) 0xFF, (byte) 0xD8);
                    }

                    two.close();
                    await().atMost(WAIT).until(() -> one.activeTasks() == 4);
                    send(a, FRAMES);
                    awaitCount(consumer, received, 2 * STREAMS * FRAMES);

                    Set<String> unique = new HashSet<>();
                    received.forEach(d -> unique.add(d.getStreamId() + "#" + d.getSequence()));
                    assertThat(received).hasSize(2 * STREAMS * FRAMES);
                    assertThat(unique).hasSize(2 * STREAMS * FRAMES);
                }
            }
        }
    }

    private static String get(java.net.http.HttpClient http, String url) throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void send(Platform platform, int firstSequence) throws Exception {
        String clip = SHARED.resolve(Asset.SAMPLE_CLIP.folder()).resolve(Asset.SAMPLE_CLIP.fileName()).toString();
        try (KafkaProducer<String, Frame> producer = new KafkaProducer<>(KafkaClientSettings.producer(platform.bootstrapServers(), platform.config()),
                new StringSerializer(), Topics.FRAMES.valueSerde(platform.registry()).serializer());
             FrameSource source = FrameSources.open(clip, ImageCodec.DEFAULT_JPEG_QUALITY)) {
            EncodedFrame frame = source.next().orElseThrow();
            for (int s = 0; s < STREAMS; s++) {
                for (int i = 0; i < FRAMES; i++) {
                    String stream = "scale-" + s;
                    producer.send(new ProducerRecord<>(Topics.FRAMES.name(), stream, FrameRecords.of(stream, firstSequence + i, Instant.now(),
                            frame, "it")));
                }
            }
            producer.flush();
        }
    }

    private static void awaitCount(KafkaConsumer<String, Detections> consumer, List<Detections> received, int count) {
        await().atMost(WAIT).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> received.add(r.value()));
            return received.size() >= count;
        });
        consumer.poll(Duration.ofSeconds(1)).forEach(r -> received.add(r.value()));
    }

    private static KafkaConsumer<String, Detections> consumer(Platform platform) {
        Map<String, Object> props = new HashMap<>(KafkaClientSettings.consumer(platform.bootstrapServers(), platform.config()));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "scale-out-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), Topics.DETECTIONS.valueSerde(platform.registry()).deserializer());
    }
}
