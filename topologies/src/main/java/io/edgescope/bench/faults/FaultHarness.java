package io.edgescope.bench.faults;

import io.edgescope.app.Platform;
import io.edgescope.bench.BenchTraffic;
import io.edgescope.bench.EdgeProcess;
import io.edgescope.bench.LocalCluster;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.schemas.Detections;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka's exactly-once promise, checked through the faults an unattended site sees: a real broker and
 * registry started here (restartable on the same ports and data), two detection processes in their own
 * JVMs sharing the frames, and while frames flow across several streams: one process is killed with
 * SIGKILL and restarted (a quarter of the way), the broker is restarted (half way) and the registry
 * (three quarters). A read_committed consumer then counts the detections per frame.
 */
public final class FaultHarness {

    private static final Logger LOG = LoggerFactory.getLogger(FaultHarness.class);
    private static final int PARTITIONS = 4;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(3);
    private static final long FRAME_GAP_MS = 40;

    /**
     * @param streams streams sent in parallel
     * @param framesPerStream frames each stream sends
     * @param guarantee the processes' processing.guarantee (exactly_once_v2, or at_least_once to see duplicates)
     * @param clip a video whose first frames are sent
     * @param models the processes' --models folder, or null
     * @param settings more settings for the processes (key=value), e.g. commit.interval.ms=5000
     */
    public record Options(int streams, int framesPerStream, String guarantee, Path clip, Path models, List<String> settings) {
    }

    private final Options options;
    private final Consumer<String> progress;

    public FaultHarness(Options options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    public FaultReport run() throws Exception {
        long started = System.nanoTime();
        List<EdgeProcess> processes = new ArrayList<>();
        try (LocalCluster cluster = LocalCluster.start();
             Platform platform = cluster.platform(Map.of(EdgeScopeConfig.FRAME_PARTITIONS.name(), Integer.toString(PARTITIONS)))) {
            String appId = "edgescope-faults-" + UUID.randomUUID();
            for (String name : List.of("a", "b")) {
                List<String> settings = new ArrayList<>(List.of("application.id=" + appId, "state.dir=" + cluster.folder(name),
                        "telemetry.http.port=0", "frames.partitions=" + PARTITIONS, "detector.threads=1",
                        "processing.guarantee=" + options.guarantee(), "kafka.session.timeout.ms=6000", "kafka.heartbeat.interval.ms=1000"));
                settings.addAll(options.settings());
                EdgeProcess p = new EdgeProcess(platform.bootstrapServers(), platform.registryUrl(), options.models(), settings);
                p.start();
                processes.add(p);
            }
            try {
                EdgeProcess.awaitRunning(processes, START_TIMEOUT);
                progress.accept("2 detection processes running; sending " + options.streams() + " x " + options.framesPerStream() + " frames");
                int n = options.framesPerStream();
                int[] counts = new int[3];
                Map<Integer, Fault> faults = new LinkedHashMap<>();
                faults.put(n / 4, () -> {
                    progress.accept("SIGKILL one detection process and start it again");
                    processes.get(0).kill();
                    processes.get(0).start();
                    counts[0]++;
                });
                faults.put(n / 2, () -> {
                    progress.accept("restart the broker");
                    cluster.restartBroker();
                    counts[1]++;
                });
                faults.put(3 * n / 4, () -> {
                    progress.accept("restart the schema registry");
                    cluster.restartRegistry();
                    counts[2]++;
                });
                BenchTraffic.send(platform, BenchTraffic.images(options.clip()), "faults", options.streams(), n, FRAME_GAP_MS, round -> {
                    Fault fault = faults.get(round);
                    if (fault != null) {
                        fault.inject();
                    }
                });
                progress.accept("all frames sent; reading detections (read_committed)");
                List<Detections> received = BenchTraffic.read(platform, (long) options.streams() * n, READ_TIMEOUT).stream()
                        .map(BenchTraffic.Arrival::detections).toList();
                return report(received, counts, (System.nanoTime() - started) / 1e9);
            } finally {
                for (EdgeProcess p : processes) {
                    p.kill();
                }
            }
        }
    }

    /** A fault injected while frames flow. */
    @FunctionalInterface
    private interface Fault {
        void inject() throws Exception;
    }

    private FaultReport report(List<Detections> received, int[] counts, double seconds) {
        Map<String, List<Long>> byStream = new HashMap<>();
        Map<String, Integer> perFrame = new HashMap<>();
        for (Detections d : received) {
            byStream.computeIfAbsent(d.getStreamId(), k -> new ArrayList<>()).add(d.getSequence());
            perFrame.merge(d.getStreamId() + "#" + d.getSequence(), 1, Integer::sum);
        }
        long frames = (long) options.streams() * options.framesPerStream();
        long unique = perFrame.size();
        long outOfOrder = byStream.values().stream().filter(seqs -> !isNonDecreasing(seqs)).count();
        FaultReport report = new FaultReport(options.guarantee(), options.streams(), frames, received.size(), unique, received.size() - unique,
                frames - unique, outOfOrder, counts[0], counts[1], counts[2], seconds);
        LOG.info("Fault run: {}", report.json());
        return report;
    }

    private static boolean isNonDecreasing(List<Long> values) {
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i) < values.get(i - 1)) {
                return false;
            }
        }
        return true;
    }

}
