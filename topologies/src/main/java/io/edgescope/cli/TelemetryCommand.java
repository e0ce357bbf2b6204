package io.edgescope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgescope.app.TelemetryHttpServer;
import io.edgescope.app.TopicDetections;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.eval.MotSequence;
import io.edgescope.eval.SequenceEvaluation;
import io.edgescope.topology.DetectionTopology;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code telemetry STREAM}: a stream's live telemetry windows, from a running detection instance. */
@Command(name = "telemetry", mixinStandardHelpOptions = true,
        description = "Show a stream's telemetry windows (fps in/out, dropped frames, latency, variants, ROMA's estimates) live from a "
                + "running edgescope run / demo (interactive queries; any instance answers for any stream).")
final class TelemetryCommand implements Callable<Integer> {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int OK = 200;
    static final String MEASURED = "measuredRealtimeAp50";

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "STREAM", description = "Stream id.")
    String stream;

    @Option(names = "--url", description = "Telemetry endpoint of any detection instance (default: http://localhost:<telemetry.http.port>).")
    String url;

    @Option(names = "--minutes", defaultValue = "10", description = "How far back (default: ${DEFAULT-VALUE}).")
    long minutes;

    @Option(names = "--json", description = "Print the windows as JSON.")
    boolean json;

    @Option(names = "--gt", paramLabel = "SEQ_DIR", description = "Ground truth of the stream (the MOTChallenge sequence it replays): "
            + "adds each window's measured real-time AP50, from the detections topic (needs --bootstrap/--registry when not local).")
    java.nio.file.Path groundTruth;

    @Option(names = "--label", defaultValue = "person", description = "Class the ground truth labels (default: ${DEFAULT-VALUE}).")
    String label;

    @Option(names = "--idle-seconds", defaultValue = "3", description = "With --gt: stop reading detections after this long without new ones (default: ${DEFAULT-VALUE}).")
    long idleSeconds;

    @Override
    public Integer call() throws Exception {
        EdgeScopeConfig config = common.config();
        String base = url != null ? url : "http://localhost:" + config.telemetryHttpPort();
        long since = Instant.now().minus(Duration.ofMinutes(minutes)).toEpochMilli();
        URI uri = URI.create(base + TelemetryHttpServer.PATH + URLEncoder.encode(stream, StandardCharsets.UTF_8) + "?since=" + since);
        HttpResponse<String> r;
        try {
            r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IllegalStateException("No detection instance answers at " + base + " (start edgescope run, or give --url)", e);
        } catch (IOException e) {
            throw new IllegalStateException("Telemetry query to " + base + " failed: " + e.getMessage(), e);
        }
        JsonNode body = new ObjectMapper().readTree(r.body());
        if (r.statusCode() != OK) {
            throw new IllegalStateException("Telemetry query failed: " + body.path("error").asText(r.body()));
        }
        if (groundTruth != null) {
            addMeasuredAp(body);
        }
        if (json) {
            System.out.println(body.toPrettyString());
            return 0;
        }
        if (body.isEmpty()) {
            System.out.println("No telemetry for stream " + stream + " in the last " + minutes + " minutes.");
            return 0;
        }
        System.out.println("| window start | policy | fps in | fps out | dropped | latency p50 / p99 ms | variant | switches "
                + "| ROMA estimates (real-time AP50) | measured real-time AP50 |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (JsonNode w : body) {
            System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.1f | %d | %.0f / %.0f | %s | %d | %s | %s |%n", w.path("windowStart").asText(),
                    w.path("policy").asText(), w.path("fpsIn").asDouble(), w.path("fpsOut").asDouble(), w.path("framesDropped").asInt(),
                    w.path("latencyP50Millis").asDouble(), w.path("latencyP99Millis").asDouble(), w.path("activeVariant").asText("-"),
                    w.path("switches").asInt(), estimates(w.path("estimatedRealtimeAp")),
                    w.has(MEASURED) ? String.format(Locale.ROOT, "%.3f", w.get(MEASURED).asDouble()) : "-");
        }
        return 0;
    }

    /** Adds each window's measured real-time AP50 (where the ground truth has frames in it). */
    private void addMeasuredAp(JsonNode windows) {
        MotSequence sequence = MotSequence.load(groundTruth);
        TopicDetections live = TopicDetections.read(common.clientConfig(), stream, label, Duration.ofSeconds(idleSeconds));
        List<Long> starts = new ArrayList<>();
        windows.forEach(w -> starts.add(Instant.parse(w.path("windowStart").asText()).toEpochMilli()));
        long size = DetectionTopology.TELEMETRY_WINDOW.toMillis();
        Map<Long, Double> measured = SequenceEvaluation.liveAp50ByWindow(sequence, live.detections(), live.arrivalMillis(),
                live.finishMillis(), starts, size);
        for (JsonNode w : windows) {
            Double ap = measured.get(Instant.parse(w.path("windowStart").asText()).toEpochMilli());
            if (ap != null) {
                ((ObjectNode) w).put(MEASURED, ap);
            }
        }
    }

    private static String estimates(JsonNode map) {
        StringBuilder b = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            b.append(b.length() == 0 ? "" : ", ").append(e.getKey()).append(String.format(Locale.ROOT, " %.3f", e.getValue().asDouble()));
        }
        return b.length() == 0 ? "-" : b.toString();
    }
}
