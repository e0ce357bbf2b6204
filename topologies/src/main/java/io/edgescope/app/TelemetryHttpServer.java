package io.edgescope.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.edgescope.schemas.Telemetry;
import io.edgescope.topology.DetectionTopology;
import io.edgescope.topology.TelemetryWindows;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detection process's HTTP endpoints: live telemetry (Kafka Streams interactive queries):
 * {@code GET /telemetry/STREAM?since=EPOCH_MS} answers a JSON list of the stream's windows, the open one
 * included, from the telemetry store — when another instance hosts the stream's partition, the query
 * is forwarded to it; {@code /metrics} (Prometheus); {@code /health/live} (the process answers) and
 * {@code /health/ready} (200 once the streams are RUNNING, 503 otherwise, with the state).
 */
public final class TelemetryHttpServer implements AutoCloseable {

    public static final String PATH = "/telemetry/";
    private static final Logger LOG = LoggerFactory.getLogger(TelemetryHttpServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEFAULT_HISTORY = Duration.ofMinutes(10);
    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(5);
    private static final int OK = 200;
    private static final int BAD_REQUEST = 400;
    private static final int UNAVAILABLE = 503;
    private static final String CONTENT_TYPE = "Content-Type";
    private static final String CACHE_CONTROL = "Cache-Control";
    private static final String JSON_TYPE = "application/json";

    private final HttpServer server;
    private final KafkaStreams streams;
    private final HostInfo self;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(FORWARD_TIMEOUT).build();

    private TelemetryHttpServer(HttpServer server, KafkaStreams streams, HostInfo self) {
        this.server = server;
        this.streams = streams;
        this.self = self;
    }

    /** Binds the port (0: any free one) before the streams start, so application.server can name it. */
    public static HttpServer bind(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
            // a thread per request: the console's live event streams stay open while other requests are answered
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "http-" + port);
                t.setDaemon(true);
                return t;
            }));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve telemetry on port " + port + ": " + e.getMessage(), e);
        }
    }

    public static TelemetryHttpServer start(HttpServer server, KafkaStreams streams, String advertisedHost, PrometheusMetrics metrics) {
        TelemetryHttpServer t = new TelemetryHttpServer(server, streams, new HostInfo(advertisedHost, server.getAddress().getPort()));
        server.createContext(PATH, t::handle);
        OperationsEndpoints.register(server, metrics, () -> new OperationsEndpoints.Readiness(
                streams.state() == KafkaStreams.State.RUNNING, streams.state().name()));
        new StreamQueries(streams, t.self, t.client).register(server);
        server.start();
        LOG.info("Telemetry served at http://{}:{}{}STREAM", advertisedHost, t.port(), PATH);
        return t;
    }

    /** Serves the web console beside the telemetry (operator controls need {@code token}; empty: read-only). */
    ConsoleEndpoints console(Platform platform, String token) {
        ConsoleEndpoints console = new ConsoleEndpoints(streams, this, self, platform, token);
        console.register(server);
        return console;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String stream = URLDecoder.decode(exchange.getRequestURI().getRawPath().substring(PATH.length()), StandardCharsets.UTF_8);
            if (stream.isBlank()) {
                reply(exchange, BAD_REQUEST, "{\"error\":\"give a stream id: /telemetry/STREAM\"}");
                return;
            }
            long since = since(exchange.getRequestURI().getQuery());
            KeyQueryMetadata where = streams.queryMetadataForKey(DetectionTopology.TELEMETRY_STORE, stream, Serdes.String().serializer());
            if (where == null || where.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
                reply(exchange, UNAVAILABLE, "{\"error\":\"telemetry is not available yet (detection starting or rebalancing)\"}");
            } else if (!where.activeHost().equals(self)) {
                forward(exchange, where.activeHost(), stream, since);
            } else {
                reply(exchange, OK, JSON.writeValueAsString(windows(stream, since)));
            }
        } catch (NumberFormatException e) {
            reply(exchange, BAD_REQUEST, "{\"error\":\"since must be epoch milliseconds\"}");
        } catch (RuntimeException e) {
            LOG.warn("Telemetry query failed", e);
            replyError(exchange, UNAVAILABLE, String.valueOf(e.getMessage()));
        }
    }

    ArrayNode windows(String stream, long since) {
        ReadOnlyWindowStore<String, Telemetry> store = streams.store(StoreQueryParameters.fromNameAndType(DetectionTopology.TELEMETRY_STORE,
                QueryableStoreTypes.windowStore()));
        ArrayNode out = JSON.createArrayNode();
        long size = DetectionTopology.TELEMETRY_WINDOW.toMillis();
        try (WindowStoreIterator<Telemetry> it = store.fetch(stream, Instant.ofEpochMilli(since), Instant.now().plus(DEFAULT_HISTORY))) {
            while (it.hasNext()) {
                KeyValue<Long, Telemetry> w = it.next();
                out.add(RecordJson.toJson(TelemetryWindows.inWindow(w.value, w.key, w.key + size)));
            }
        }
        return out;
    }

    private void forward(HttpExchange exchange, HostInfo host, String stream, long since) throws IOException {
        forward(client, exchange, host, PATH + URLEncoder.encode(stream, StandardCharsets.UTF_8) + "?since=" + since);
    }

    /** Answers {@code exchange} with what {@code host} answers for {@code pathAndQuery}. */
    static void forward(HttpClient client, HttpExchange exchange, HostInfo host, String pathAndQuery) throws IOException {
        try {
            HttpResponse<byte[]> r = get(client, host, pathAndQuery, HttpResponse.BodyHandlers.ofByteArray());
            exchange.getResponseHeaders().set(CONTENT_TYPE, r.headers().firstValue(CONTENT_TYPE).orElse(JSON_TYPE));
            r.headers().firstValue(CACHE_CONTROL).ifPresent(v -> exchange.getResponseHeaders().set(CACHE_CONTROL, v));
            exchange.sendResponseHeaders(r.statusCode(), r.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(r.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(exchange, UNAVAILABLE, "{\"error\":\"interrupted\"}");
        }
    }

    /** GET {@code pathAndQuery} from another instance. */
    static HttpResponse<String> get(HttpClient client, HostInfo host, String pathAndQuery) throws IOException, InterruptedException {
        return get(client, host, pathAndQuery, HttpResponse.BodyHandlers.ofString());
    }

    private static <T> HttpResponse<T> get(HttpClient client, HostInfo host, String pathAndQuery, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery)).timeout(FORWARD_TIMEOUT)
                .build(), body);
    }

    private static long since(String query) {
        if (query != null) {
            for (String part : query.split("&")) {
                if (part.startsWith("since=")) {
                    return Long.parseLong(part.substring("since=".length()));
                }
            }
        }
        return Instant.now().minus(DEFAULT_HISTORY).toEpochMilli();
    }

    /** Answers {@code {"error": message}}. */
    static void replyError(HttpExchange exchange, int status, String message) throws IOException {
        reply(exchange, status, JSON.createObjectNode().put("error", message).toString());
    }

    static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set(CONTENT_TYPE, JSON_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
