package io.edgescope.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgescope.ingest.SourceHealth;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OperationsServerTest {

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldExportEveryCameraSourcesHealthAndAnswerReadinessForAnIngestOnlyProcess() throws Exception {
        Map<String, SourceHealth> health = Map.of(
                "gate", new SourceHealth("gate", "rtsp://cam/gate", SourceHealth.State.RUNNING, 120, null, Instant.EPOCH),
                "dock", new SourceHealth("dock", "rtsp://cam/dock", SourceHealth.State.RECONNECTING, 7, "connection refused", Instant.EPOCH));
        AtomicBoolean ready = new AtomicBoolean(false);
        try (PrometheusMetrics metrics = new PrometheusMetrics()) {
            metrics.bindSources(() -> health);
            try (OperationsServer server = OperationsServer.start(0, metrics,
                    () -> new OperationsEndpoints.Readiness(ready.get(), ready.get() ? "RUNNING" : "INGEST_STOPPED"))) {
                String body = get(server.port(), OperationsEndpoints.METRICS).body();
                assertThat(body).contains("edgescope_source_up{state=\"running\",stream=\"gate\"} 1.0")
                        .contains("edgescope_source_up{state=\"reconnecting\",stream=\"dock\"} 0.0")
                        .contains("edgescope_source_frames_sent{stream=\"gate\"} 120.0");
                assertThat(get(server.port(), OperationsEndpoints.LIVE).statusCode()).isEqualTo(200);
                assertThat(get(server.port(), OperationsEndpoints.READY).statusCode()).isEqualTo(503);
                ready.set(true);
                assertThat(get(server.port(), OperationsEndpoints.READY).body()).contains("RUNNING");
            }
        }
    }
}
