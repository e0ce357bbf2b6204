package io.edgescope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code edgescope demo} as a user runs it: its own JVM, its own broker and registry, real video. */
@Tag("integration")
class DemoIT {

    private static final Duration RUN_LIMIT = Duration.ofMinutes(3);
    /** SIGINT's bit in the signal masks of {@code /proc/self/status}. */
    private static final long SIGINT_MASK = 1L << 1;
    private static final int HEX = 16;

    private static Process startDemo(Path dir, String... extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), EdgeScopeCli.class.getName(), "demo",
                "--out", dir.resolve("out").toString(), "-D", "broker.port=0", "-D", "registry.port=0", "-D", "telemetry.http.port=0",
                "-D", "data.dir=" + dir.resolve("data"), "-D", "state.dir=" + dir.resolve("state")));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private static List<String> collect(Process p) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("reader failed: " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    @Test
    void shouldIngestDetectAndWriteAnnotatedFramesContactSheetAndSummary(@TempDir Path dir) throws Exception {
        Process demo = startDemo(dir, "--frames", "30", "--fps", "15");
        List<String> output = collect(demo);
        assertThat(demo.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)).as(String.join("\n", output)).isTrue();
        assertThat(demo.exitValue()).as(String.join("\n", output)).isZero();

        JsonNode summary = new ObjectMapper().readTree(dir.resolve("out/summary.json").toFile());
        assertThat(summary.get("frames_in").asLong()).isEqualTo(30);
        assertThat(summary.get("frames_out").asLong()).isEqualTo(30);
        assertThat(summary.get("dead_letters").asLong()).isZero();
        assertThat(summary.get("detections").asLong()).isGreaterThan(30);
        assertThat(summary.get("latency_p50_ms").asDouble()).isPositive();
        assertThat(summary.get("latency_p99_ms").asDouble()).isGreaterThanOrEqualTo(summary.get("latency_p50_ms").asDouble());
        assertThat(summary.get("fps").asDouble()).isPositive();
        try (Stream<Path> frames = Files.list(dir.resolve("out/frames/cam-1"))) {
            assertThat(frames.count()).isEqualTo(30);
        }
        assertThat(Files.size(dir.resolve("out/contact-sheet.png"))).isPositive();
    }

    /**
     * Whether this JVM was started with SIGINT ignored (a shell without job control does that to what it starts in the
     * background); the demo would inherit it and could not be stopped by Ctrl-C. False where it cannot tell (not Linux).
     */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(l -> l.startsWith("SigIgn:")).findFirst()
                    .map(l -> (Long.parseUnsignedLong(l.substring("SigIgn:".length()).trim(), HEX) & SIGINT_MASK) != 0).orElse(false);
        }
    }

    @Test
    void shouldShutDownCleanlyOnCtrlC(@TempDir Path dir) throws Exception {
        assumeFalse(sigintIgnored(), "the tests run with SIGINT ignored (started in the background by a shell without job control): "
                + "the demo would ignore Ctrl-C too");
        Process demo = startDemo(dir, "--fps", "5");
        List<String> output = collect(demo);
        await().atMost(RUN_LIMIT).until(() -> output.stream().anyMatch(l -> l.contains("detected")));
        // Ctrl-C: SIGINT to the demo's JVM (Process.destroy would close our end of its output)
        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).start().waitFor()).isZero();
        assertThat(demo.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)).as(String.join("\n", output)).isTrue();
        assertThat(demo.descendants().count()).isZero();
        assertThat(output).anyMatch(l -> l.contains("Interrupted: stopping"));
        assertThat(output).anyMatch(l -> l.contains("Kafka at") && l.contains("stopped"));
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("out/summary.json").toFile());
        assertThat(summary.get("frames_in").asLong()).isPositive();
    }
}
