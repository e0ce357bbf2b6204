package io.edgescope.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress for people: a redrawn line on a terminal, a plain line every few seconds otherwise
 * (logs, CI), so output stays readable either way.
 */
final class ConsoleProgress {

    private static final long PLAIN_INTERVAL_MS = 2000;
    private static final long TTY_INTERVAL_MS = 100;
    private static final int BAR_WIDTH = 30;
    private static final double KIB = 1024.0;

    private final PrintStream out;
    private final boolean terminal;
    private long lastPrint;

    ConsoleProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    static ConsoleProgress forStdout() {
        return new ConsoleProgress(System.out, System.console() != null);
    }

    /** Shows {@code text}, with a bar when {@code total} is known. Rate-limited unless {@code force}. */
    synchronized void show(String text, long done, long total, boolean force) {
        long now = System.currentTimeMillis();
        if (!force && now - lastPrint < (terminal ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS)) {
            return;
        }
        lastPrint = now;
        String line = total > 0 ? bar(done, total) + " " + text : text;
        if (terminal) {
            out.print("\r" + line + "\u001B[K");
            out.flush();
        } else {
            out.println(line);
        }
    }

    synchronized void finish() {
        if (terminal) {
            out.println();
        }
    }

    static String bar(long done, long total) {
        int filled = (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / Math.max(1, total));
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3d%%", Math.min(100, done * 100 / Math.max(1, total)));
    }

    static String kib(long bytes) {
        return String.format(Locale.ROOT, "%.0f KiB", bytes / KIB);
    }
}
