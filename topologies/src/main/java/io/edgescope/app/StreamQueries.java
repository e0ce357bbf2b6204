package io.edgescope.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.edgescope.schemas.Detections;
import io.edgescope.schemas.Frame;
import io.edgescope.topology.DetectionTopology;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Stream queries answered by any instance (interactive queries routed by host metadata):
 * {@code GET /streams} lists every stream with its latest frame (gathered from every instance),
 * {@code GET /streams/ID/latest} the stream's latest detections (from the instance that has them),
 * {@code GET /streams/ID/telemetry} its telemetry windows, {@code GET /streams/ID/frame.jpg} its latest frame.
 */
final class StreamQueries {

    static final String STREAMS = "/streams";
    private static final String LOCAL = "local=true";
    private static final String LATEST = "/latest";
    private static final String TELEMETRY = "/telemetry";
    static final String FRAME = "/frame.jpg";
    private static final int OK = 200;
    private static final int NOT_FOUND = 404;
    private static final int UNAVAILABLE = 503;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JPEG = "image/jpeg";

    private final KafkaStreams streams;
    private final HostInfo self;
    private final HttpClient client;

    StreamQueries(KafkaStreams streams, HostInfo self, HttpClient client) {
        this.streams = streams;
        this.self = self;
        this.client = client;
    }

    void register(HttpServer server) {
        server.createContext(STREAMS, this::handle);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getQuery();
            if (path.equals(STREAMS) || path.equals(STREAMS + "/")) {
                TelemetryHttpServer.reply(exchange, OK, JSON.writeValueAsString(list(LOCAL.equals(query))));
            } else if (path.endsWith(FRAME)) {
                frame(exchange, URLDecoder.decode(path.substring(STREAMS.length() + 1, path.length() - FRAME.length()), StandardCharsets.UTF_8));
            } else if (path.endsWith(LATEST)) {
                latest(exchange, URLDecoder.decode(path.substring(STREAMS.length() + 1, path.length() - LATEST.length()), StandardCharsets.UTF_8));
            } else if (path.endsWith(TELEMETRY)) {
                String id = path.substring(STREAMS.length() + 1, path.length() - TELEMETRY.length());
                exchange.getResponseHeaders().set("Location", TelemetryHttpServer.PATH + id + (query == null ? "" : "?" + query));
                exchange.sendResponseHeaders(307, -1);
            } else {
                TelemetryHttpServer.reply(exchange, NOT_FOUND, "{\"error\":\"use /streams, /streams/ID/latest or /streams/ID/telemetry\"}");
            }
        } catch (RuntimeException e) {
            TelemetryHttpServer.replyError(exchange, UNAVAILABLE, String.valueOf(e.getMessage()));
        }
    }

    private ReadOnlyKeyValueStore<String, Detections> store() {
        return streams.store(StoreQueryParameters.fromNameAndType(DetectionTopology.LATEST_STORE, QueryableStoreTypes.keyValueStore()));
    }

    /** Streams with their latest frame: this instance's, plus (unless {@code localOnly}) every other instance's. */
    private ArrayNode list(boolean localOnly) throws IOException {
        ArrayNode out = JSON.createArrayNode();
        try (KeyValueIterator<String, Detections> it = store().all()) {
            while (it.hasNext()) {
                KeyValue<String, Detections> kv = it.next();
                out.add(summary(kv.value));
            }
        }
        if (!localOnly) {
            for (StreamsMetadata m : streams.streamsMetadataForStore(DetectionTopology.LATEST_STORE)) {
                if (!m.hostInfo().equals(self)) {
                    out.addAll((ArrayNode) remote(m.hostInfo(), STREAMS + "?" + LOCAL));
                }
            }
        }
        return out;
    }

    private static ObjectNode summary(Detections d) {
        return JSON.createObjectNode().put("streamId", d.getStreamId()).put("sequence", d.getSequence())
                .put("captureTime", d.getCaptureTime().toString()).put("variantId", d.getVariantId()).put("boxes", d.getBoxes().size());
    }

    private void latest(HttpExchange exchange, String stream) throws IOException {
        KeyQueryMetadata where = streams.queryMetadataForKey(DetectionTopology.LATEST_STORE, stream, Serdes.String().serializer());
        if (where == null || where.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            TelemetryHttpServer.reply(exchange, UNAVAILABLE, "{\"error\":\"not available yet (detection starting or rebalancing)\"}");
        } else if (!where.activeHost().equals(self)) {
            TelemetryHttpServer.forward(client, exchange, where.activeHost(), STREAMS + "/" + URLEncoder.encode(stream, StandardCharsets.UTF_8) + LATEST);
        } else {
            Detections d = store().get(stream);
            if (d == null) {
                TelemetryHttpServer.replyError(exchange, NOT_FOUND, "no detections for stream " + stream);
            } else {
                TelemetryHttpServer.reply(exchange, OK, RecordJson.line(d));
            }
        }
    }

    /** The stream's latest frame as it came (JPEG or PNG), from whichever instance holds it. */
    private void frame(HttpExchange exchange, String stream) throws IOException {
        KeyQueryMetadata where = streams.queryMetadataForKey(DetectionTopology.LATEST_FRAME_STORE, stream, Serdes.String().serializer());
        if (where == null || where.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            TelemetryHttpServer.reply(exchange, UNAVAILABLE, "{\"error\":\"not available yet (detection starting or rebalancing)\"}");
        } else if (!where.activeHost().equals(self)) {
            TelemetryHttpServer.forward(client, exchange, where.activeHost(), STREAMS + "/" + URLEncoder.encode(stream, StandardCharsets.UTF_8) + FRAME);
        } else {
            ReadOnlyKeyValueStore<String, Frame> frames = streams.store(StoreQueryParameters.fromNameAndType(DetectionTopology.LATEST_FRAME_STORE,
                    QueryableStoreTypes.keyValueStore()));
            Frame f = frames.get(stream);
            if (f == null) {
                TelemetryHttpServer.replyError(exchange, NOT_FOUND, "no frame for stream " + stream);
            } else {
                replyFrame(exchange, f);
            }
        }
    }

    /** Answers with {@code frame}'s image as it came (JPEG or PNG). */
    static void replyFrame(HttpExchange exchange, Frame frame) throws IOException {
        byte[] image = new byte[frame.getImage().remaining()];
        frame.getImage().duplicate().get(image);
        exchange.getResponseHeaders().set("Content-Type", frame.getEncoding() == io.edgescope.schemas.ImageEncoding.PNG ? "image/png" : JPEG);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(OK, image.length);
        exchange.getResponseBody().write(image);
    }

    private JsonNode remote(HostInfo host, String pathAndQuery) throws IOException {
        try {
            return JSON.readTree(TelemetryHttpServer.get(client, host, pathAndQuery).body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
