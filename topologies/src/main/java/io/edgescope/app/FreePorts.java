package io.edgescope.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;

/**
 * Ports free on the local host now, for servers started in this process (the embedded broker and registry, tests).
 * Two probes in a row can return the same port, so a caller that needs several passes the ones it holds already.
 */
public final class FreePorts {

    /** The host the probes bind: where the embedded servers listen. */
    public static final String HOST = "localhost";
    /** Probes before giving up on finding a port outside the taken ones. */
    private static final int ATTEMPTS = 20;

    private FreePorts() {
    }

    /** A port free on {@link #HOST} now. */
    public static int any() {
        return besides(Set.of());
    }

    /** A port free on {@link #HOST} now and not among {@code taken}. */
    public static int besides(Set<Integer> taken) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(HOST, 0));
                if (!taken.contains(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("No free port on " + HOST, e);
            }
        }
        throw new IllegalStateException("No free port on " + HOST + " besides " + taken + " in " + ATTEMPTS + " attempts");
    }
}
