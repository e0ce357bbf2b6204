package io.edgescope.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.edgescope.detect.variants.Variant;
import io.edgescope.eval.SequenceEvaluation;
import io.edgescope.eval.MotSequence;
import io.edgescope.schemas.BoundingBox;
import io.edgescope.schemas.CameraSource;
import io.edgescope.console.DeadLetter;
import io.edgescope.console.DetectionExport;
import io.edgescope.console.DetectionFilter;
import io.edgescope.schemas.Detections;
import io.edgescope.schemas.Frame;
import io.edgescope.schemas.StreamProfile;
import io.edgescope.schemas.VariantPolicy;
import io.edgescope.split.SplitPlanId;
import io.edgescope.topics.TopicDef;
import io.edgescope.topics.Topics;
import io.edgescope.topology.DetectionTopology;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console, served by every detection process: the pages ({@code /console/}, no external
 * resources), the streams overview as JSON ({@code /console/api/overview}, gathered from every
 * instance) and live as server-sent events ({@code /console/events}), and the operator's control
 * ({@code POST /console/api/streams/ID/profile}, bearer token {@code console.token}), which writes the
 * stream's profile to the same topic the CLI does.
 */
final class ConsoleEndpoints implements AutoCloseable {

    static final String ROOT = "/console";
    static final String OVERVIEW = ROOT + "/api/overview";
    static final String EVENTS = ROOT + "/events";
    static final String VARIANTS = ROOT + "/api/variants";
    static final String DETECTIONS = ROOT + "/api/detections";
    static final String FRAME = ROOT + "/api/frame";
    static final String SOURCES = ROOT + "/api/sources";
    static final String DEAD_LETTERS = ROOT + "/api/dead-letters";
    /** Split plans the policy control offers (docs/split-inference.md: the measured best at the first single-tensor cuts). */
    static final List<String> SUGGESTED_SPLIT_PLANS = List.of("scissionlite:Mul_115:uint8+zstd", "scissionlite:Mul_115:fp16", "scission:Mul_115");
    static final String RETRY = DEAD_LETTERS + "/retry";
    /** Dead letters the page lists per topic (the newest). */
    static final int MAX_DEAD_LETTERS = 200;
    /** Most detections one query returns (the page says when it cut). */
    static final int MAX_DETECTIONS = 5000;
    private static final String PROFILE_PREFIX = ROOT + "/api/streams/";
    private static final String PROFILE_SUFFIX = "/profile";
    private static final String MEASURED_SUFFIX = "/measured";
    /** The class the MOTChallenge ground truth labels. */
    private static final String GROUND_TRUTH_LABEL = "person";
    private static final Duration MEASURED_HISTORY = Duration.ofMinutes(10);
    private static final String LOCAL = "local=true";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleEndpoints.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EVENT_PERIOD = Duration.ofSeconds(1);
    private static final Duration TELEMETRY_LOOKBACK = Duration.ofSeconds(30);
    private static final long SEND_TIMEOUT_S = 10;
    private static final int MAX_BODY_BYTES = 16 * 1024;
    private static final int OK = 200;
    private static final int FOUND = 302;
    private static final int BAD_REQUEST = 400;
    private static final int UNAUTHORIZED = 401;
    private static final int FORBIDDEN = 403;
    private static final int NOT_FOUND = 404;
    private static final int UNAVAILABLE = 503;
    private static final Map<String, String> STATIC = Map.ofEntries(Map.entry("/", "index.html"), Map.entry("/index.html", "index.html"),
            Map.entry("/common.js", "common.js"), Map.entry("/console.js", "console.js"), Map.entry("/console.css", "console.css"),
            Map.entry("/detections.html", "detections.html"), Map.entry("/detections.js", "detections.js"),
            Map.entry("/dead-letters.html", "dead-letters.html"), Map.entry("/dead-letters.js", "dead-letters.js"),
            Map.entry("/stream.html", "stream.html"), Map.entry("/stream.js", "stream.js"));
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    private final KafkaStreams streams;
    private final TelemetryHttpServer telemetry;
    private final HostInfo self;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Platform platform;
    private final String token;
    private final TopicHistory history;
    private final Map<String, MotSequence> sequences = new java.util.concurrent.ConcurrentHashMap<>();
    private Producer<byte[], byte[]> rawProducer;

    ConsoleEndpoints(KafkaStreams streams, TelemetryHttpServer telemetry, HostInfo self, Platform platform, String token) {
        this.streams = streams;
        this.telemetry = telemetry;
        this.self = self;
        this.platform = platform;
        this.token = token;
        this.history = new TopicHistory(platform);
    }

    void register(HttpServer server) {
        server.createContext("/", exchange -> {
            try (exchange) {
                if (exchange.getRequestURI().getPath().equals("/")) {
                    exchange.getResponseHeaders().set("Location", ROOT + "/");
                    exchange.sendResponseHeaders(FOUND, -1);
                } else {
                    TelemetryHttpServer.reply(exchange, NOT_FOUND, "{\"error\":\"no such page; the console is at /console/\"}");
                }
            }
        });
        server.createContext(ROOT, this::handle);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals(OVERVIEW)) {
                TelemetryHttpServer.reply(exchange, OK, JSON.writeValueAsString(overview(LOCAL.equals(exchange.getRequestURI().getQuery()))));
            } else if (path.equals(VARIANTS)) {
                ObjectNode v = JSON.createObjectNode().put("controls", !token.isEmpty());
                Variant.CATALOGUE.forEach(variant -> v.withArray("variants").add(variant.id()));
                SUGGESTED_SPLIT_PLANS.forEach(v.putArray("splitPlans")::add);
                TelemetryHttpServer.reply(exchange, OK, v.toString());
            } else if (path.equals(DETECTIONS)) {
                detections(exchange, query(exchange));
            } else if (path.equals(SOURCES) || path.startsWith(SOURCES + "/")) {
                sources(exchange, path.length() > SOURCES.length() + 1
                        ? URLDecoder.decode(path.substring(SOURCES.length() + 1), StandardCharsets.UTF_8) : null);
            } else if (path.equals(DEAD_LETTERS)) {
                deadLetters(exchange, query(exchange));
            } else if (path.equals(RETRY)) {
                retry(exchange);
            } else if (path.equals(FRAME)) {
                frame(exchange, query(exchange));
            } else if (path.equals(EVENTS)) {
                events(exchange);
            } else if (path.startsWith(PROFILE_PREFIX) && path.endsWith(MEASURED_SUFFIX)) {
                measured(exchange, URLDecoder.decode(path.substring(PROFILE_PREFIX.length(), path.length() - MEASURED_SUFFIX.length()),
                        StandardCharsets.UTF_8));
            } else if (path.startsWith(PROFILE_PREFIX) && path.endsWith(PROFILE_SUFFIX)) {
                setProfile(exchange, URLDecoder.decode(path.substring(PROFILE_PREFIX.length(), path.length() - PROFILE_SUFFIX.length()),
                        StandardCharsets.UTF_8));
            } else if (path.equals(ROOT)) {
                exchange.getResponseHeaders().set("Location", ROOT + "/");
                exchange.sendResponseHeaders(FOUND, -1);
            } else {
                page(exchange, STATIC.get(path.substring(ROOT.length())));
            }
        } catch (RuntimeException e) {
            LOG.warn("Console request failed: {}", e.getMessage());
            TelemetryHttpServer.reply(exchange, UNAVAILABLE, JSON.createObjectNode().put("error", String.valueOf(e.getMessage())).toString());
        }
    }

    private static void page(HttpExchange exchange, String resource) throws IOException {
        if (resource == null) {
            TelemetryHttpServer.reply(exchange, NOT_FOUND, "{\"error\":\"no such page\"}");
            return;
        }
        byte[] body;
        try (InputStream in = ConsoleEndpoints.class.getResourceAsStream("/io/edgescope/console/" + resource)) {
            body = in.readAllBytes();
        }
        exchange.getResponseHeaders().set("Content-Type", TYPES.get(resource.substring(resource.lastIndexOf('.') + 1)));
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; img-src 'self'");
        exchange.sendResponseHeaders(OK, body.length);
        exchange.getResponseBody().write(body);
    }

    /** Every stream: its latest detections, profile and latest telemetry; from this instance and (unless local) every other. */
    ArrayNode overview(boolean localOnly) throws IOException {
        ArrayNode out = JSON.createArrayNode();
        ReadOnlyKeyValueStore<String, Detections> latest = streams.store(StoreQueryParameters.fromNameAndType(DetectionTopology.LATEST_STORE,
                QueryableStoreTypes.keyValueStore()));
        ReadOnlyKeyValueStore<String, StreamProfile> profiles = streams.store(StoreQueryParameters.fromNameAndType(
                DetectionTopology.PROFILE_STORE, QueryableStoreTypes.keyValueStore()));
        try (KeyValueIterator<String, Detections> it = latest.all()) {
            while (it.hasNext()) {
                KeyValue<String, Detections> kv = it.next();
                out.add(stream(kv.value, profiles.get(kv.key)));
            }
        }
        if (!localOnly) {
            for (StreamsMetadata m : streams.streamsMetadataForStore(DetectionTopology.LATEST_STORE)) {
                if (!m.hostInfo().equals(self)) {
                    try {
                        out.addAll((ArrayNode) JSON.readTree(TelemetryHttpServer.get(client, m.hostInfo(), OVERVIEW + "?" + LOCAL).body()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted", e);
                    }
                }
            }
        }
        return out;
    }

    /** A stream in the overview: its latest detections, its profile's policy and its latest telemetry window. */
    private ObjectNode stream(Detections d, StreamProfile profile) {
        ObjectNode s = detectionJson(d).put("policy", profile == null ? "DEFAULT" : profile.getPolicy().name());
        if (profile != null && profile.getVariantId() != null) {
            s.put("profileVariant", profile.getVariantId());
        }
        ArrayNode windows = telemetry.windows(d.getStreamId(), Instant.now().minus(TELEMETRY_LOOKBACK).toEpochMilli());
        if (!windows.isEmpty()) {
            s.set("telemetry", windows.get(windows.size() - 1));
        }
        return s;
    }

    private static ObjectNode detectionJson(Detections d) {
        ObjectNode s = JSON.createObjectNode().put("streamId", d.getStreamId()).put("sequence", d.getSequence())
                .put("captureTime", d.getCaptureTime().toString()).put("variantId", d.getVariantId())
                .put("frameWidth", d.getFrameWidth()).put("frameHeight", d.getFrameHeight()).put("latencyMillis", d.getLatencyMillis());
        ArrayNode boxes = s.putArray("boxes");
        for (BoundingBox b : d.getBoxes()) {
            boxes.addObject().put("label", b.getLabel()).put("score", b.getScore()).put("x", b.getX()).put("y", b.getY())
                    .put("w", b.getWidth()).put("h", b.getHeight());
        }
        return s;
    }

    /** Server-sent events: the overview every second until the browser goes away. */
    private void events(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(OK, 0);
        OutputStream out = exchange.getResponseBody();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                String data;
                try {
                    data = JSON.writeValueAsString(overview(false));
                } catch (RuntimeException e) {
                    data = "[]"; // rebalancing: try again at the next tick
                }
                out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(EVENT_PERIOD.toMillis());
            }
        } catch (IOException e) {
            // the browser left
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The detections topic filtered (stream, from, to, class, minScore), as JSON, JSON Lines or CSV ({@code format}). */
    private void detections(HttpExchange exchange, Map<String, String> query) throws IOException {
        DetectionFilter filter;
        try {
            filter = DetectionFilter.of(query);
        } catch (IllegalArgumentException e) {
            TelemetryHttpServer.reply(exchange, BAD_REQUEST, JSON.createObjectNode().put("error", e.getMessage()).toString());
            return;
        }
        List<Detections> found = history.detections(filter, MAX_DETECTIONS);
        String format = query.getOrDefault("format", "json");
        String body;
        String type;
        switch (format) {
            case "csv" -> {
                body = DetectionExport.csv(found);
                type = "text/csv; charset=utf-8";
                exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"detections.csv\"");
            }
            case "jsonl" -> {
                body = found.stream().map(RecordJson::line).collect(java.util.stream.Collectors.joining("\n", "", found.isEmpty() ? "" : "\n"));
                type = "application/x-ndjson";
                exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"detections.jsonl\"");
            }
            case "json" -> {
                ArrayNode rows = JSON.createArrayNode();
                found.forEach(d -> rows.add(detectionJson(d)));
                body = JSON.createObjectNode().put("truncated", found.size() >= MAX_DETECTIONS).set("detections", rows).toString();
                type = "application/json";
            }
            default -> {
                TelemetryHttpServer.reply(exchange, BAD_REQUEST, "{\"error\":\"format must be json, jsonl or csv\"}");
                return;
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(OK, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** One past frame from the frames topic ({@code stream}, {@code sequence}, {@code time} of capture), while it is kept. */
    private void frame(HttpExchange exchange, Map<String, String> query) throws IOException {
        Optional<Frame> frame;
        try {
            frame = history.frame(query.getOrDefault("stream", ""), Long.parseLong(query.getOrDefault("sequence", "-1")),
                    Instant.parse(query.getOrDefault("time", "")));
        } catch (RuntimeException e) {
            TelemetryHttpServer.reply(exchange, BAD_REQUEST, "{\"error\":\"give stream, sequence and time (ISO-8601)\"}");
            return;
        }
        if (frame.isEmpty()) {
            TelemetryHttpServer.reply(exchange, NOT_FOUND, "{\"error\":\"frame no longer kept (edgescope.frames retention) or never sent\"}");
            return;
        }
        byte[] image = new byte[frame.get().getImage().remaining()];
        frame.get().getImage().duplicate().get(image);
        exchange.getResponseHeaders().set("Content-Type", frame.get().getEncoding() == io.edgescope.schemas.ImageEncoding.PNG ? "image/png" : "image/jpeg");
        exchange.sendResponseHeaders(OK, image.length);
        exchange.getResponseBody().write(image);
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> out = new java.util.HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String part : raw.split("&")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    /** Sets a stream's policy: a fixed variant, ROMA, or a split plan; the change reaches the stream like a CLI change. */
    private void setProfile(HttpExchange exchange, String stream) throws IOException {
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
            TelemetryHttpServer.reply(exchange, BAD_REQUEST, JSON.createObjectNode().put("error", e.getMessage()).toString());
            return;
        }
        try {
            CompactedTopic.write(platform.bootstrapServers(), platform.config(), platform.registry(), Topics.STREAM_PROFILES, stream, profile);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            TelemetryHttpServer.reply(exchange, UNAVAILABLE, JSON.createObjectNode().put("error", "profile not written: " + e.getMessage()).toString());
            return;
        }
        LOG.info("Console set the profile of {}: {} {}", stream, profile.getPolicy(), profile.getVariantId() == null ? "" : profile.getVariantId());
        TelemetryHttpServer.reply(exchange, OK, RecordJson.line(profile));
    }

    /**
     * The measured real-time AP50 of each telemetry window of the last minutes, for a stream whose ground
     * truth is configured ({@code console.ground.truth}): what was shown on its frames, from the detections topic.
     */
    private void measured(HttpExchange exchange, String stream) throws IOException {
        java.nio.file.Path sequenceDir = platform.config().groundTruth().get(stream);
        if (sequenceDir == null) {
            TelemetryHttpServer.reply(exchange, NOT_FOUND, JSON.createObjectNode().put("error", "no ground truth for " + stream
                    + " (console.ground.truth)").toString());
            return;
        }
        MotSequence sequence = sequences.computeIfAbsent(stream, s -> MotSequence.load(sequenceDir));
        ArrayNode windows = telemetry.windows(stream, Instant.now().minus(MEASURED_HISTORY).toEpochMilli());
        List<Long> starts = new java.util.ArrayList<>();
        windows.forEach(w -> starts.add(Instant.parse(w.path("windowStart").asText()).toEpochMilli()));
        TopicDetections live = TopicDetections.of(history.detections(new DetectionFilter(stream, null, null, null, 0), MAX_DETECTIONS),
                stream, GROUND_TRUTH_LABEL);
        Map<Long, Double> ap = SequenceEvaluation.liveAp50ByWindow(sequence, live.detections(), live.arrivalMillis(), live.finishMillis(), starts,
                DetectionTopology.TELEMETRY_WINDOW.toMillis());
        ArrayNode out = JSON.createArrayNode();
        ap.forEach((start, value) -> out.addObject().put("windowStart", Instant.ofEpochMilli(start).toString()).put("measuredRealtimeAp50", value));
        TelemetryHttpServer.reply(exchange, OK, out.toString());
    }

    /** Camera sources: GET lists them, POST (operator) adds or changes one, DELETE /ID (operator) removes one. */
    private void sources(HttpExchange exchange, String id) throws IOException {
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
            TelemetryHttpServer.reply(exchange, BAD_REQUEST, JSON.createObjectNode().put("error", e.getMessage()).toString());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            TelemetryHttpServer.reply(exchange, UNAVAILABLE, JSON.createObjectNode().put("error", "not written: " + e.getMessage()).toString());
        }
    }

    private static CameraSource cameraSource(JsonNode body) {
        String stream = body.path("streamId").asText("").strip();
        String url = body.path("url").asText("").strip();
        if (stream.isEmpty() || url.isEmpty()) {
            throw new IllegalArgumentException("a source needs streamId and url");
        }
        String site = body.path("site").asText("").isBlank() ? null : body.path("site").asText().strip();
        if (site != null) {
            Topics.frameTopic(site);
        }
        Float fps = body.hasNonNull("fps") && !body.path("fps").asText().isBlank() ? (float) body.path("fps").asDouble() : null;
        if (fps != null && fps < 0) {
            throw new IllegalArgumentException("fps must be 0 (as fast as possible) or positive");
        }
        return CameraSource.newBuilder().setStreamId(stream).setUrl(url).setFps(fps).setSite(site).setLoop(body.path("loop").asBoolean(false))
                .setUpdatedAt(Instant.now()).build();
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

    private static TopicDef<byte[]> deadLetterTopic(String name) {
        return deadLetterTopics().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a dead-letter topic: " + name));
    }

    @SuppressWarnings("unchecked")
    private static List<TopicDef<byte[]>> deadLetterTopics() {
        return Topics.PIPELINE.stream().filter(t -> t.name().endsWith(Topics.DLQ_SUFFIX)).map(t -> (TopicDef<byte[]>) t).toList();
    }

    /** The newest dead letters of one dead-letter topic, with their reasons. */
    private void deadLetters(HttpExchange exchange, Map<String, String> query) throws IOException {
        TopicDef<byte[]> topic;
        try {
            topic = deadLetterTopic(query.getOrDefault("topic", Topics.FRAMES_DLQ.name()));
        } catch (IllegalArgumentException e) {
            TelemetryHttpServer.reply(exchange, BAD_REQUEST, JSON.createObjectNode().put("error", e.getMessage()).toString());
            return;
        }
        ObjectNode out = JSON.createObjectNode();
        deadLetterTopics().forEach(t -> out.withArray("topics").add(t.name()));
        ArrayNode rows = out.putArray("deadLetters");
        history.deadLetters(topic, MAX_DEAD_LETTERS).forEach(d -> rows.add(JSON.valueToTree(d.summary())));
        TelemetryHttpServer.reply(exchange, OK, out.toString());
    }

    /** Sends a dead letter's original record back to the topic it was refused on (after a fix), marked as a retry. */
    private void retry(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            TelemetryHttpServer.reply(exchange, BAD_REQUEST, "{\"error\":\"POST {topic, partition, offset}\"}");
            return;
        }
        if (!authorized(exchange)) {
            return;
        }
        try (InputStream in = exchange.getRequestBody()) {
            JsonNode body = JSON.readTree(in.readNBytes(MAX_BODY_BYTES));
            TopicDef<byte[]> topic = deadLetterTopic(body.path("topic").asText());
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
            TelemetryHttpServer.reply(exchange, BAD_REQUEST, JSON.createObjectNode().put("error", e.getMessage()).toString());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            TelemetryHttpServer.reply(exchange, UNAVAILABLE, JSON.createObjectNode().put("error", "not retried: " + e.getMessage()).toString());
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
