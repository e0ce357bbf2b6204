package io.edgescope.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.edgescope.console.DetectionExport;
import io.edgescope.console.DetectionFilter;
import io.edgescope.console.TimedMemo;
import io.edgescope.eval.MotSequence;
import io.edgescope.eval.SequenceEvaluation;
import io.edgescope.schemas.BoundingBox;
import io.edgescope.schemas.Detections;
import io.edgescope.schemas.Frame;
import io.edgescope.topics.TopicDef;
import io.edgescope.topics.Topics;
import io.edgescope.topology.DetectionTopology;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the console reads from the topics: the detections browser (filter, export), past frames,
 * dead letters, and the measured real-time AP of streams whose ground truth is configured.
 */
final class ConsoleHistory {

    /** Most detections one query returns (the page says when it cut). */
    static final int MAX_DETECTIONS = 5000;
    /** Dead letters the page lists per topic (the newest). */
    static final int MAX_DEAD_LETTERS = 200;
    /** The class the MOTChallenge ground truth labels. */
    private static final String GROUND_TRUTH_LABEL = "person";
    private static final Duration MEASURED_HISTORY = Duration.ofMinutes(10);
    /** As often as the stream page refreshes its charts. */
    private static final Duration MEASURED_REFRESH = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OK = 200;
    private static final int BAD_REQUEST = 400;
    private static final int NOT_FOUND = 404;

    private final Platform platform;
    private final TelemetryHttpServer telemetry;
    private final TopicHistory history;
    private final Map<String, MotSequence> sequences = new java.util.concurrent.ConcurrentHashMap<>();
    /** Each stream's measured AP, read from the detections topic at most once per period whatever the number of browsers. */
    private final Map<String, TimedMemo<String>> measuredAp = new java.util.concurrent.ConcurrentHashMap<>();

    ConsoleHistory(Platform platform, TelemetryHttpServer telemetry, TopicHistory history) {
        this.platform = platform;
        this.telemetry = telemetry;
        this.history = history;
    }

    /** The detections topic filtered (stream, from, to, class, minScore), as JSON, JSON Lines or CSV ({@code format}). */
    void detections(HttpExchange exchange, Map<String, String> query) throws IOException {
        DetectionFilter filter;
        try {
            filter = DetectionFilter.of(query);
        } catch (IllegalArgumentException e) {
            TelemetryHttpServer.replyError(exchange, BAD_REQUEST, e.getMessage());
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
    void frame(HttpExchange exchange, Map<String, String> query) throws IOException {
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
        StreamQueries.replyFrame(exchange, frame.get());
    }

    static Map<String, String> query(HttpExchange exchange) {
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

    /**
     * The measured real-time AP50 of each telemetry window of the last minutes, for a stream whose ground
     * truth is configured ({@code console.ground.truth}): what was shown on its frames, from the detections topic.
     */
    void measured(HttpExchange exchange, String stream) throws IOException {
        java.nio.file.Path sequenceDir = platform.config().groundTruth().get(stream);
        if (sequenceDir == null) {
            TelemetryHttpServer.replyError(exchange, NOT_FOUND, "no ground truth for " + stream
                    + " (console.ground.truth)");
            return;
        }
        TelemetryHttpServer.reply(exchange, OK, measuredAp.computeIfAbsent(stream, s -> new TimedMemo<>(() -> measuredJson(s, sequenceDir),
                MEASURED_REFRESH)).get());
    }

    private String measuredJson(String stream, java.nio.file.Path sequenceDir) {
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
        return out.toString();
    }

    static TopicDef<byte[]> deadLetterTopic(String name) {
        return deadLetterTopics().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a dead-letter topic: " + name));
    }

    @SuppressWarnings("unchecked")
    private static List<TopicDef<byte[]>> deadLetterTopics() {
        return Topics.PIPELINE.stream().filter(t -> t.name().endsWith(Topics.DLQ_SUFFIX)).map(t -> (TopicDef<byte[]>) t).toList();
    }

    /** The newest dead letters of one dead-letter topic, with their reasons. */
    void deadLetters(HttpExchange exchange, Map<String, String> query) throws IOException {
        TopicDef<byte[]> topic;
        try {
            topic = deadLetterTopic(query.getOrDefault("topic", Topics.FRAMES_DLQ.name()));
        } catch (IllegalArgumentException e) {
            TelemetryHttpServer.replyError(exchange, BAD_REQUEST, e.getMessage());
            return;
        }
        ObjectNode out = JSON.createObjectNode();
        deadLetterTopics().forEach(t -> out.withArray("topics").add(t.name()));
        ArrayNode rows = out.putArray("deadLetters");
        history.deadLetters(topic, MAX_DEAD_LETTERS).forEach(d -> rows.add(JSON.valueToTree(d.summary())));
        TelemetryHttpServer.reply(exchange, OK, out.toString());
    }

    static ObjectNode detectionJson(Detections d) {
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
}
