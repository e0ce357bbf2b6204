package io.edgescope.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@code edgescope run edge} in its own JVM (this process's Java and class path), so it can be
 * killed with SIGKILL like a crashed container. Its output is kept to tell when it runs.
 */
public final class EdgeProcess {

    /** The line {@code run edge} prints once its topologies are running. */
    public static final String RUNNING_LINE = "Running edge";
    private static final String HEAP = "-Xmx768m";
    private static final long WAIT_STEP_MS = 200;
    private static final int LOG_LINES_ON_FAILURE = 30;

    private final List<String> command;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private Process process;

    /** {@code settings} become {@code -D key=value}; {@code models} may be null (the child finds them as this process does). */
    public EdgeProcess(String bootstrap, String registry, Path models, List<String> settings) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP, "-cp",
                System.getProperty("java.class.path"), "io.edgescope.cli.EdgeScopeCli", "run", "edge", "--bootstrap", bootstrap,
                "--registry", registry));
        if (models != null) {
            cmd.addAll(List.of("--models", models.toString()));
        }
        for (String s : settings) {
            cmd.addAll(List.of("-D", s));
        }
        this.command = List.copyOf(cmd);
    }

    public void start() throws IOException {
        log.clear();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    log.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "edge-process-output");
        reader.setDaemon(true);
        reader.start();
        process = p;
    }

    public boolean running() {
        return process != null && process.isAlive() && log.stream().anyMatch(l -> l.startsWith(RUNNING_LINE));
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no clean leave of the group, no commit. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Waits until every process runs; fails with the output of one that exited or is late. */
    public static void awaitRunning(List<EdgeProcess> processes, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!processes.stream().allMatch(EdgeProcess::running)) {
            java.util.Optional<EdgeProcess> dead = processes.stream().filter(p -> !p.alive()).findFirst();
            if (dead.isPresent() || System.nanoTime() > deadline) {
                String why = dead.isPresent() ? "A detection process exited" : "Detection processes did not start within " + timeout;
                throw new IllegalStateException(why + "; its last output:\n" + dead.orElse(processes.get(0)).tail(LOG_LINES_ON_FAILURE));
            }
            Thread.sleep(WAIT_STEP_MS);
        }
    }

    /** The last lines it printed, to explain a failure. */
    public String tail(int lines) {
        List<String> copy = List.copyOf(log);
        return String.join("\n", copy.subList(Math.max(0, copy.size() - lines), copy.size()));
    }
}
