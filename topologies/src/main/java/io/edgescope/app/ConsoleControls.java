package io.edgescope.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import io.edgescope.console.DeadLetter;
import io.edgescope.detect.variants.Variant;
import io.edgescope.ingest.CameraSources;
import io.edgescope.schemas.CameraSource;
import io.edgescope.schemas.StreamProfile;
import io.edgescope.schemas.VariantPolicy;
import io.edgescope.split.SplitPlanId;
import io.edgescope.topics.TopicDef;
import io.edgescope.topics.Topics;
import io.edgescope.topology.DetectionTopology;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's operator controls, each behind the bearer token {@code console.token} (empty: off): a
 * stream's policy, camera sources, and the retry of a dead letter. Every change goes through the same
 * topics as the CLI.
 */
final class ConsoleControls implements AutoCloseable {

    /** Split plans the policy control offers (docs/split-inference.md: the measured best at the first single-tensor cuts). */
    static final List<String> SUGGESTED_SPLIT_PLANS = List.of("scissionlite:Mul_115:uint8+zstd", "scissionlite:Mul_115:fp16", "scission:Mul_115");
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleControls.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEND_TIMEOUT_S = 10;
    private static final int MAX_BODY_BYTES = 16 * 1024;
    private static final int OK = 200;
    private static final int BAD_REQUEST = 400;
    private static final int UNAUTHORIZED = 401;
    private static final int FORBIDDEN = 403;
    private static final int NOT_FOUND = 404;
    private static final int UNAVAILABLE = 503;

    private final KafkaStreams streams;
    private final Platform platform;
    private final TopicHistory history;
    private final String token;
    private Producer<byte[], byte[]> rawProducer;

    ConsoleControls(KafkaStreams streams, Platform platform, TopicHistory history, String token) {
        this.streams = streams;
        this.platform = platform;
        this.history = history;
        this.token = token;
    }

    /** Whether the controls are on (a token is configured). */
    boolean enabled() {
        return !token.isEmpty();
    }

    /** Sets a stream's policy: a fixed variant, ROMA, or a split plan; the change reaches the stream like a CLI change. */
    void setProfile(HttpExchange exchange, String stream) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            TelemetryHttpServer.reply(exchange, BAD_REQUEST, "{\"error\":\"POST a JSON body: {\\\"policy\\\": \\\"FIXED\\\", \\\"variantId\\\": ...}\"}");
            return;
        }
        if (!authorized(exchange)) {
            return;
        }
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = JSON.readTree(in.readNBytes(MAX_BODY_BYTES));
        }
        StreamProfile profile;
        try {
            profile = profile(stream, body);
        } catch (IllegalArgumentException e) {
            TelemetryHttpServer.replyError(exchange, BAD_REQUEST, e.getMessage());
            return;
        }
        try {
            CompactedTopic.write(platform.bootstrapServers(), platform.config(), platform.registry(), Topics.STREAM_PROFILES, stream, profile);
        } catch (Exception e) {
            replyNotDone(exchange, "profile not written: ", e);
            return;
        }
        LOG.info("Console set the profile of {}: {} {}", stream, profile.getPolicy(), profile.getVariantId() == null ? "" : profile.getVariantId());
        TelemetryHttpServer.reply(exchange, OK, RecordJson.line(profile));
    }

    /** Camera sources: GET lists them, POST (operator) adds or changes one, DELETE /ID (operator) removes one. */
    void sources(HttpExchange exchange, String id) throws IOException {
        String method = exchange.getRequestMethod();
        if ("GET".equals(method)) {
            ArrayNode out = JSON.createArrayNode();
            CompactedTopic.readAll(platform.bootstrapServers(), platform.config(), platform.registry(), Topics.SOURCES).values()
                    .forEach(source -> out.add(RecordJson.toJson(source)));
            TelemetryHttpServer.reply(exchange, OK, out.toString());
            return;
        }
        if (!authorized(exchange)) {
            return;
        }
        try {
            if ("DELETE".equals(method) && id != null) {
                CompactedTopic.write(platform.bootstrapServers(), platform.config(), platform.registry(), Topics.SOURCES, id, null);
                TelemetryHttpServer.reply(exchange, OK, JSON.createObjectNode().put("removed", id).toString());
            } else if ("POST".equals(method)) {
                JsonNode body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = JSON.readTree(in.readNBytes(MAX_BODY_BYTES));
                }
                CameraSource source = cameraSource(body);
                CompactedTopic.write(platform.bootstrapServers(), platform.config(), platform.registry(), Topics.SOURCES, source.getStreamId(), source);
                LOG.info("Console added source {}: {}", source.getStreamId(), source.getUrl());
                TelemetryHttpServer.reply(exchange, OK, RecordJson.line(source));
            } else {
                TelemetryHttpServer.reply(exchange, BAD_REQUEST, "{\"error\":\"GET, POST a source, or DELETE /console/api/sources/ID\"}");
            }
        } catch (IllegalArgumentException e) {
            TelemetryHttpServer.replyError(exchange, BAD_REQUEST, e.getMessage());
        } catch (Exception e) {
            replyNotDone(exchange, "not written: ", e);
        }
    }

    private static CameraSource cameraSource(JsonNode body) {
        String site = body.path("site").asText("").isBlank() ? null : body.path("site").asText().strip();
        Float fps = body.hasNonNull("fps") && !body.path("fps").asText().isBlank() ? (float) body.path("fps").asDouble() : null;
        return CameraSources.of(body.path("streamId").asText("").strip(), body.path("url").asText("").strip(), fps, site,
                body.path("loop").asBoolean(false), Instant.now());
    }

    /** Answers that a change could not be made (Kafka unreachable, refused, interrupted), keeping an interrupt visible. */
    private static void replyNotDone(HttpExchange exchange, String what, Exception e) throws IOException {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        TelemetryHttpServer.replyError(exchange, UNAVAILABLE, what + e.getMessage());
    }

    /** Whether the request carries the operator token; if not, answers it (403 controls off, 401 wrong token). */
    private boolean authorized(HttpExchange exchange) throws IOException {
        if (token.isEmpty()) {
            TelemetryHttpServer.reply(exchange, FORBIDDEN, "{\"error\":\"controls are off: set console.token to turn them on\"}");
            return false;
        }
        String given = exchange.getRequestHeaders().getFirst("Authorization");
        if (given == null || !MessageDigest.isEqual(("Bearer " + token).getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            TelemetryHttpServer.reply(exchange, UNAUTHORIZED, "{\"error\":\"operator token missing or wrong\"}");
            return false;
        }
        return true;
    }

    /** Sends a dead letter's original record back to the topic it was refused on (after a fix), marked as a retry. */
    void retry(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            TelemetryHttpServer.reply(exchange, BAD_REQUEST, "{\"error\":\"POST {topic, partition, offset}\"}");
            return;
        }
        if (!authorized(exchange)) {
            return;
        }
        try (InputStream in = exchange.getRequestBody()) {
            JsonNode body = JSON.readTree(in.readNBytes(MAX_BODY_BYTES));
            TopicDef<byte[]> topic = ConsoleHistory.deadLetterTopic(body.path("topic").asText());
            Optional<DeadLetter> letter = history.deadLetter(topic, body.path("partition").asInt(), body.path("offset").asLong(-1));
            if (letter.isEmpty()) {
                TelemetryHttpServer.reply(exchange, NOT_FOUND, "{\"error\":\"no such dead letter (retention may have removed it)\"}");
                return;
            }
            DeadLetter d = letter.get();
            ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(d.retryTopic(), d.key() == null ? null : d.key().getBytes(StandardCharsets.UTF_8),
                    d.value());
            again.headers().add(DeadLetter.RETRY_OF, d.id().getBytes(StandardCharsets.UTF_8));
            rawProducer().send(again).get(SEND_TIMEOUT_S, TimeUnit.SECONDS);
            LOG.info("Console retried dead letter {} to {}", d.id(), d.retryTopic());
            TelemetryHttpServer.reply(exchange, OK, JSON.createObjectNode().put("retried", d.id()).put("to", d.retryTopic()).toString());
        } catch (IllegalArgumentException e) {
            TelemetryHttpServer.replyError(exchange, BAD_REQUEST, e.getMessage());
        } catch (Exception e) {
            replyNotDone(exchange, "not retried: ", e);
        }
    }

    private synchronized Producer<byte[], byte[]> rawProducer() {
        if (rawProducer == null) {
            rawProducer = new KafkaProducer<>(KafkaClientSettings.producer(platform.bootstrapServers(), platform.config()),
                    new ByteArraySerializer(), new ByteArraySerializer());
        }
        return rawProducer;
    }

    /** The stream's current profile (or a new one) with the requested policy. */
    private StreamProfile profile(String stream, JsonNode body) {
        ReadOnlyKeyValueStore<String, StreamProfile> profiles = streams.store(StoreQueryParameters.fromNameAndType(
                DetectionTopology.PROFILE_STORE, QueryableStoreTypes.keyValueStore()));
        StreamProfile current = profiles.get(stream);
        StreamProfile.Builder b = current == null ? StreamProfile.newBuilder().setStreamId(stream) : StreamProfile.newBuilder(current);
        VariantPolicy policy;
        try {
            policy = VariantPolicy.valueOf(body.path("policy").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("policy must be FIXED, ROMA or SPLIT");
        }
        b.setPolicy(policy).setUpdatedAt(Instant.now());
        switch (policy) {
            case FIXED -> {
                String variant = body.path("variantId").asText();
                if (Variant.byId(variant).isEmpty()) {
                    throw new IllegalArgumentException("unknown variant '" + variant + "'; one of " + Variant.ids());
                }
                b.setVariantId(variant).setSplitPlan(null);
            }
            case ROMA -> b.setSplitPlan(null);
            case SPLIT -> b.setSplitPlan(SplitPlanId.parse(body.path("splitPlan").asText()).toString());
            default -> throw new IllegalArgumentException("policy must be FIXED, ROMA or SPLIT");
        }
        return b.build();
    }

    @Override
    public synchronized void close() {
        if (rawProducer != null) {
            rawProducer.close();
        }
    }
}
