package io.edgescope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgescope.app.EmbeddedKafkaBroker;
import io.edgescope.app.Platform;
import io.edgescope.bench.ProcessMemory;
import io.edgescope.bench.PipelineBenchmark;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.media.EncodedFrame;
import io.edgescope.media.FrameSource;
import io.edgescope.media.FrameSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Benchmarks. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print a table from one run.",
        subcommands = {BenchCommand.Pipeline.class, BenchCommand.Broker.class})
final class BenchCommand {

    /** Startup time and memory of the embedded broker. */
    @Command(name = "broker", mixinStandardHelpOptions = true,
            description = "Start and stop the embedded Kafka broker; print startup time and memory it adds.")
    static final class Broker implements Callable<Integer> {

        private static final double MIB = 1024.0 * 1024.0;

        @Override
        public Integer call() throws Exception {
            Path data = Files.createTempDirectory("edgescope-broker-bench");
            double rssBefore = ProcessMemory.rssMib();
            double heapBefore = usedHeapMib();
            long started = System.nanoTime();
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data, 0, EdgeScopeConfig.defaults().maxFrameBytes());
            double startMillis = (System.nanoTime() - started) / NANOS_PER_MILLI;
            double heapAfter = usedHeapMib();
            double rssAfter = ProcessMemory.rssMib();
            long stopping = System.nanoTime();
            broker.close();
            double stopMillis = (System.nanoTime() - stopping) / NANOS_PER_MILLI;
            System.out.printf(Locale.ROOT, """
                    | measure                         | value     |
                    |---------------------------------|-----------|
                    | startup to ready (ms)           | %9.0f |
                    | clean stop (ms)                 | %9.0f |
                    | process RSS before (MiB)        | %9.0f |
                    | process RSS with broker (MiB)   | %9.0f |
                    | RSS added by broker (MiB)       | %9.0f |
                    | Java heap added (MiB, after GC) | %9.0f |
                    """, startMillis, stopMillis, rssBefore, rssAfter, rssAfter - rssBefore, heapAfter - heapBefore);
            return 0;
        }

        private static double usedHeapMib() {
            System.gc();
            Runtime rt = Runtime.getRuntime();
            return (rt.totalMemory() - rt.freeMemory()) / MIB;
        }
    }

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    /** Bare inference vs end-to-end pipeline throughput, same frames and threads, one run. */
    @Command(name = "pipeline", mixinStandardHelpOptions = true,
            description = "Bare inference fps (no Kafka) vs pipeline fps through the broker, per-stage latency, RSS.")
    static final class Pipeline implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Option(names = "--input", paramLabel = "PATH", description = "Video or image folder (default: the sample clip).")
        String input;

        @Option(names = "--frames", paramLabel = "N", defaultValue = "300", description = "Frames to run (default: ${DEFAULT-VALUE}).")
        int frames;

        @Option(names = "--json", description = "Print one JSON object instead of the table.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Path work = Files.createTempDirectory("edgescope-bench");
            EdgeScopeConfig config = common.config().with(Map.of(
                    EdgeScopeConfig.APPLICATION_ID.name(), "edgescope-bench-" + UUID.randomUUID(),
                    EdgeScopeConfig.STATE_DIR.name(), work.resolve("state").toString(),
                    EdgeScopeConfig.DATA_DIR.name(), work.toString(),
                    EdgeScopeConfig.BROKER_PORT.name(), "0",
                    EdgeScopeConfig.REGISTRY_PORT.name(), "0"));
            Assets assets = new Assets(common.models());
            List<EncodedFrame> loaded = load(assets.inputOrSample(input), config);
            PipelineBenchmark.Result result;
            try (Platform platform = Platform.start(config)) {
                result = PipelineBenchmark.run(loaded, assets.loadModel(config), platform, config.maxDecodedPixels());
            }
            System.out.println(json ? json(result) : table(result, config));
            return 0;
        }

        private List<EncodedFrame> load(String source, EdgeScopeConfig config) {
            List<EncodedFrame> out = new ArrayList<>();
            try (FrameSource s = FrameSources.open(source, config.jpegQuality())) {
                for (Optional<EncodedFrame> f = s.next(); f.isPresent() && out.size() < frames; f = s.next()) {
                    out.add(f.get());
                }
            }
            return out;
        }

        private static String json(PipelineBenchmark.Result r) throws Exception {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode node = mapper.createObjectNode();
            node.put("frames", r.frames()).put("bare_fps", r.bareFps()).put("bare_fps_before", r.bareFpsBefore())
                    .put("bare_fps_after", r.bareFpsAfter()).put("pipeline_fps", r.pipelineFps())
                    .put("ratio", r.ratio()).put("rss_mb", r.rssMib())
                    .put("cpu_ms_per_frame_bare", r.bareCpuMillisPerFrame())
                    .put("cpu_ms_per_frame_pipeline", r.pipelineCpuMillisPerFrame());
            ObjectNode stages = node.putObject("stages_ms");
            r.stages().rows().forEach((name, v) -> stages.putObject(name).put("p50", v[0]).put("p99", v[1]).put("mean", v[2]));
            return mapper.writeValueAsString(node);
        }

        private static String table(PipelineBenchmark.Result r, EdgeScopeConfig config) {
            return String.format(Locale.ROOT, """
                    | measure                    | value     |
                    |----------------------------|-----------|
                    | frames                     | %9d |
                    | detector threads           | %9d |
                    | bare fps, before pipeline  | %9.2f |
                    | bare fps, after pipeline   | %9.2f |
                    | bare inference fps (mean)  | %9.2f |
                    | pipeline fps (via Kafka)   | %9.2f |
                    | ratio pipeline / bare      | %9.3f |
                    | process RSS (MiB)          | %9.0f |
                    | CPU ms per frame, bare     | %9.2f |
                    | CPU ms per frame, pipeline | %9.2f |

                    %s""", r.frames(), config.detectorThreads(), r.bareFpsBefore(), r.bareFpsAfter(), r.bareFps(), r.pipelineFps(), r.ratio(), r.rssMib(),
                    r.bareCpuMillisPerFrame(), r.pipelineCpuMillisPerFrame(), r.stages().format());
        }
    }
}
