package io.edgescope.bench.scale;

import io.edgescope.app.Platform;
import io.edgescope.bench.BenchTraffic;
import io.edgescope.bench.EdgeProcess;
import io.edgescope.bench.LocalCluster;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.media.EncodedFrame;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Throughput of 1, 2, ... detection processes (each its own JVM) sharing the frame partitions: for each
 * count, a fresh broker and registry, the processes started and running, then every frame sent at once
 * and the detections timed as they are read.
 */
public final class ScaleBenchmark {

    private static final int PARTITIONS = 4;
    private static final int STREAM_THREADS = 1;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(10);
    private static final double NANOS_PER_SECOND = 1e9;

    /**
     * @param instances the instance counts to run, e.g. 1,2
     * @param detectorThreads detector.threads of each process
     */
    public record Options(List<Integer> instances, int streams, int framesPerStream, int detectorThreads, Path clip, Path models) {
    }

    private ScaleBenchmark() {
    }

    public static ScaleResult run(Options options, Consumer<String> progress) throws Exception {
        List<EncodedFrame> images = BenchTraffic.images(options.clip());
        List<ScaleResult.Row> rows = new ArrayList<>();
        for (int n : options.instances()) {
            rows.add(runWith(n, options, images, progress));
        }
        return new ScaleResult(options.streams(), options.framesPerStream(), options.detectorThreads(), STREAM_THREADS, rows);
    }

    private static ScaleResult.Row runWith(int n, Options options, List<EncodedFrame> images, Consumer<String> progress) throws Exception {
        List<EdgeProcess> processes = new ArrayList<>();
        try (LocalCluster cluster = LocalCluster.start();
             Platform platform = cluster.platform(Map.of(EdgeScopeConfig.FRAME_PARTITIONS.name(), Integer.toString(PARTITIONS)))) {
            String appId = "edgescope-scale-" + UUID.randomUUID();
            for (int i = 0; i < n; i++) {
                EdgeProcess p = new EdgeProcess(platform.bootstrapServers(), platform.registryUrl(), options.models(), List.of(
                        "application.id=" + appId, "state.dir=" + cluster.folder("i" + i), "telemetry.http.port=0",
                        "frames.partitions=" + PARTITIONS, "num.stream.threads=" + STREAM_THREADS, "detector.threads=" + options.detectorThreads()));
                p.start();
                processes.add(p);
            }
            try {
                EdgeProcess.awaitRunning(processes, START_TIMEOUT);
                progress.accept(n + " instance(s) running; sending " + options.streams() + " x " + options.framesPerStream() + " frames");
                long expected = (long) options.streams() * options.framesPerStream();
                BenchTraffic.send(platform, images, "scale", options.streams(), options.framesPerStream(), 0, round -> { });
                List<BenchTraffic.Arrival> arrivals = BenchTraffic.read(platform, expected, READ_TIMEOUT);
                if (arrivals.size() < 2) {
                    throw new IllegalStateException("Only " + arrivals.size() + " detections came back from " + n + " instance(s)");
                }
                double seconds = (arrivals.get(arrivals.size() - 1).nanos() - arrivals.get(0).nanos()) / NANOS_PER_SECOND;
                ScaleResult.Row row = new ScaleResult.Row(n, arrivals.size(), seconds, (arrivals.size() - 1) / seconds);
                progress.accept(String.format(java.util.Locale.ROOT, "%d instance(s): %.1f fps", n, row.fps()));
                return row;
            } finally {
                for (EdgeProcess p : processes) {
                    p.kill();
                }
            }
        }
    }
}
