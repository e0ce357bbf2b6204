package io.edgescope.app;

import com.sun.net.httpserver.HttpServer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /metrics} and {@code /health/*} for a process that runs no detection (device side, ingest
 * supervisor), whose HTTP server would otherwise be the detection service's.
 */
public final class OperationsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OperationsServer.class);

    private final HttpServer server;

    private OperationsServer(HttpServer server) {
        this.server = server;
    }

    /** Serves on {@code port} (0: any free one). */
    public static OperationsServer start(int port, PrometheusMetrics metrics, Supplier<OperationsEndpoints.Readiness> readiness) {
        HttpServer server = TelemetryHttpServer.bind(port);
        OperationsEndpoints.register(server, metrics, readiness);
        server.start();
        LOG.info("Metrics and health served on port {}", server.getAddress().getPort());
        return new OperationsServer(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
