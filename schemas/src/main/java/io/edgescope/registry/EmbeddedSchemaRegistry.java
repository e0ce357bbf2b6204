package io.edgescope.registry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Confluent-compatible schema registry served over HTTP from this process, for the one-machine
 * default and for tests. State lives in a {@link SchemaStore}, persisted by its {@link SchemaLog}.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    private static final int HANDLER_THREADS = 4;
    private static final int STOP_DELAY_SECONDS = 0;

    private final SchemaStore store;
    private final HttpServer server;
    private final ExecutorService executor;

    private EmbeddedSchemaRegistry(SchemaStore store, HttpServer server, ExecutorService executor) {
        this.store = store;
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving {@code store} on {@code host:port} (port 0 picks a free port). */
    public static EmbeddedSchemaRegistry start(SchemaStore store, String host, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            ExecutorService executor = Executors.newFixedThreadPool(HANDLER_THREADS, r -> {
                Thread t = new Thread(r, "schema-registry-http");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            server.createContext("/", new RegistryHttpHandler(store));
            server.start();
            return new EmbeddedSchemaRegistry(store, server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the schema registry on " + host + ":" + port, e);
        }
    }

    /** The base URL clients use ({@code schema.registry.url}). */
    public String url() {
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getHostString() + ":" + address.getPort();
    }

    public SchemaStore store() {
        return store;
    }

    @Override
    public void close() {
        server.stop(STOP_DELAY_SECONDS);
        executor.shutdownNow();
        store.close();
    }
}
