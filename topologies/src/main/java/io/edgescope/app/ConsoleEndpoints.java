package io.edgescope.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.edgescope.detect.variants.Variant;
import io.edgescope.schemas.Detections;
import io.edgescope.schemas.StreamProfile;
import io.edgescope.topology.DetectionTopology;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import io.edgescope.console.TimedMemo;
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
 * instance) and live as server-sent events ({@code /console/events}); the operator's controls
 * ({@link ConsoleControls}) and what it reads from the topics ({@link ConsoleHistory}) are routed here.
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
    static final String RETRY = DEAD_LETTERS + "/retry";
    private static final String PROFILE_PREFIX = ROOT + "/api/streams/";
    private static final String PROFILE_SUFFIX = "/profile";
    private static final String MEASURED_SUFFIX = "/measured";
    private static final String LOCAL = "local=true";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleEndpoints.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EVENT_PERIOD = Duration.ofSeconds(1);
    private static final Duration TELEMETRY_LOOKBACK = Duration.ofSeconds(30);
    private static final int OK = 200;
    private static final int FOUND = 302;
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
    private final ConsoleControls controls;
    private final ConsoleHistory past;
    /** The overview sent to every open browser: gathered once per period, however many are watching. */
    private final TimedMemo<String> sharedOverview = new TimedMemo<>(this::overviewJson, EVENT_PERIOD);

    ConsoleEndpoints(KafkaStreams streams, TelemetryHttpServer telemetry, HostInfo self, Platform platform, String token) {
        this.streams = streams;
        this.telemetry = telemetry;
        this.self = self;
        TopicHistory history = new TopicHistory(platform);
        this.controls = new ConsoleControls(streams, platform, history, token);
        this.past = new ConsoleHistory(platform, telemetry, history);
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
                ObjectNode v = JSON.createObjectNode().put("controls", controls.enabled());
                Variant.CATALOGUE.forEach(variant -> v.withArray("variants").add(variant.id()));
                ConsoleControls.SUGGESTED_SPLIT_PLANS.forEach(v.putArray("splitPlans")::add);
                TelemetryHttpServer.reply(exchange, OK, v.toString());
            } else if (path.equals(DETECTIONS)) {
                past.detections(exchange, ConsoleHistory.query(exchange));
            } else if (path.equals(SOURCES) || path.startsWith(SOURCES + "/")) {
                controls.sources(exchange, path.length() > SOURCES.length() + 1
                        ? URLDecoder.decode(path.substring(SOURCES.length() + 1), StandardCharsets.UTF_8) : null);
            } else if (path.equals(DEAD_LETTERS)) {
                past.deadLetters(exchange, ConsoleHistory.query(exchange));
            } else if (path.equals(RETRY)) {
                controls.retry(exchange);
            } else if (path.equals(FRAME)) {
                past.frame(exchange, ConsoleHistory.query(exchange));
            } else if (path.equals(EVENTS)) {
                events(exchange);
            } else if (path.startsWith(PROFILE_PREFIX) && path.endsWith(MEASURED_SUFFIX)) {
                past.measured(exchange, URLDecoder.decode(path.substring(PROFILE_PREFIX.length(), path.length() - MEASURED_SUFFIX.length()),
                        StandardCharsets.UTF_8));
            } else if (path.startsWith(PROFILE_PREFIX) && path.endsWith(PROFILE_SUFFIX)) {
                controls.setProfile(exchange, URLDecoder.decode(path.substring(PROFILE_PREFIX.length(), path.length() - PROFILE_SUFFIX.length()),
                        StandardCharsets.UTF_8));
            } else if (path.equals(ROOT)) {
                exchange.getResponseHeaders().set("Location", ROOT + "/");
                exchange.sendResponseHeaders(FOUND, -1);
            } else {
                page(exchange, STATIC.get(path.substring(ROOT.length())));
            }
        } catch (RuntimeException e) {
            LOG.warn("Console request failed: {}", e.getMessage());
            TelemetryHttpServer.replyError(exchange, UNAVAILABLE, String.valueOf(e.getMessage()));
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

    private String overviewJson() {
        try {
            return JSON.writeValueAsString(overview(false));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A stream in the overview: its latest detections, its profile's policy and its latest telemetry window. */
    private ObjectNode stream(Detections d, StreamProfile profile) {
        ObjectNode s = ConsoleHistory.detectionJson(d).put("policy", profile == null ? "DEFAULT" : profile.getPolicy().name());
        if (profile != null && profile.getVariantId() != null) {
            s.put("profileVariant", profile.getVariantId());
        }
        ArrayNode windows = telemetry.windows(d.getStreamId(), Instant.now().minus(TELEMETRY_LOOKBACK).toEpochMilli());
        if (!windows.isEmpty()) {
            s.set("telemetry", windows.get(windows.size() - 1));
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
                    data = sharedOverview.get();
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

    @Override
    public void close() {
        controls.close();
    }
}
