package io.edgescope.registry;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
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

    /** Starts serving {@code store} on {@code host:port} (port 0 picks a free port), open to anyone who reaches it. */
    public static EmbeddedSchemaRegistry start(SchemaStore store, String host, int port) {
        return start(store, host, port, RegistryServerSecurity.NONE);
    }

    /**
     * Starts serving {@code store} on {@code host:port} with {@code security}: https when it has a key
     * store, basic auth when it has users. Refuses a non-loopback host without users.
     */
    public static EmbeddedSchemaRegistry start(SchemaStore store, String host, int port, RegistryServerSecurity security) {
        security.checkExposure(host);
        try {
            InetSocketAddress address = new InetSocketAddress(host, port);
            HttpServer server;
            if (security.keyStore().isPresent()) {
                HttpsServer https = HttpsServer.create(address, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(TlsContexts.server(security.keyStore().get(),
                        security.keyStorePassword(), security.keyStoreType())));
                server = https;
            } else {
                server = HttpServer.create(address, 0);
            }
            ExecutorService executor = Executors.newFixedThreadPool(HANDLER_THREADS, r -> {
                Thread t = new Thread(r, "schema-registry-http");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            HttpContext context = server.createContext("/", new RegistryHttpHandler(store));
            if (!security.users().isEmpty()) {
                context.setAuthenticator(new PasswordAuthenticator(security.users()));
            }
            server.start();
            return new EmbeddedSchemaRegistry(store, server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the schema registry on " + host + ":" + port, e);
        }
    }

    /** The base URL clients use ({@code schema.registry.url}). */
    public String url() {
        InetSocketAddress address = server.getAddress();
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://" + address.getHostString() + ":" + address.getPort();
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
