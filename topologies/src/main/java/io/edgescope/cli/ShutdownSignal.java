package io.edgescope.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (SIGINT/SIGTERM) into an interrupt of the command's thread, and holds the JVM until
 * that thread has shut everything down in order.
 */
final class ShutdownSignal implements AutoCloseable {

    private static final long CLEANUP_WAIT_SECONDS = 60;

    private final CountDownLatch cleanedUp = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean requested;

    ShutdownSignal() {
        Thread worker = Thread.currentThread();
        hook = new Thread(() -> {
            requested = true;
            worker.interrupt();
            try {
                cleanedUp.await(CLEANUP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "edgescope-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    boolean requested() {
        return requested;
    }

    /** Call when cleanup is done (in a finally block). */
    @Override
    public void close() {
        cleanedUp.countDown();
        if (!requested) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down; the hook will find the latch released
            }
        }
    }
}
