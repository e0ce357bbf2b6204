package io.edgescope.app;

import com.sun.net.httpserver.HttpServer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The endpoints every EdgeScope process serves: {@code /metrics} (Prometheus), {@code /health/live}
 * (the process answers) and {@code /health/ready} (200 when the readiness check says so, 503 with
 * its state otherwise).
 */
public final class OperationsEndpoints {

    public static final String METRICS = "/metrics";
    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";
    private static final int OK = 200;
    private static final int UNAVAILABLE = 503;

    /** A readiness answer: ready or not, and a state word for the body. */
    public record Readiness(boolean ready, String state) {
    }

    private OperationsEndpoints() {
    }

    public static void register(HttpServer server, PrometheusMetrics metrics, Supplier<Readiness> readiness) {
        server.createContext(METRICS, exchange -> {
            try (exchange) {
                byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                exchange.sendResponseHeaders(OK, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.createContext(LIVE, exchange -> {
            try (exchange) {
                TelemetryHttpServer.reply(exchange, OK, "{\"status\":\"UP\"}");
            }
        });
        server.createContext(READY, exchange -> {
            try (exchange) {
                Readiness r = readiness.get();
                TelemetryHttpServer.reply(exchange, r.ready() ? OK : UNAVAILABLE, "{\"status\":\"" + r.state() + "\"}");
            }
        });
    }
}
