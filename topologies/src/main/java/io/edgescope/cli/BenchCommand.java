package io.edgescope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
        subcommands = {BenchCommand.Pipeline.class, BenchCommand.Broker.class, BenchCommand.Switch.class, BenchRomaCommand.class, BenchRomaLiveCommand.class, BenchHostStallsCommand.class, BenchDecisionSamplesCommand.class, BenchSplitCommand.class, BenchFaultsCommand.class, BenchSoakCommand.class, BenchScaleCommand.class})
final class BenchCommand {

    /** Variant switch overhead: resident pool vs close-and-reload. */
    @Command(name = "switch", mixinStandardHelpOptions = true,
            description = "Switch overhead between variants (request to first frame processed) with resident variants vs "
                    + "close-and-reload, frames a camera loses meanwhile, and memory per resident variant.")
    static final class Switch implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Option(names = "--variants", split = ",", defaultValue = "yolox-nano-320,yolox-nano-416,yolox-nano-640",
                description = "Variants to switch between (default: ${DEFAULT-VALUE}).")
        List<String> variants;

        @Option(names = "--rounds", defaultValue = "5", description = "Switches to each variant (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--fps", defaultValue = "10", description = "Camera rate for counting lost frames (default: ${DEFAULT-VALUE}).")
        double fps;

        @Option(names = "--json", description = "Print one JSON object instead of the table.")
        boolean json;

        @Option(names = "--end-to-end", description = "Also switch a live stream through Kafka (embedded broker) between the first two variants.")
        boolean endToEnd;

        @Override
        public Integer call() throws Exception {
            EdgeScopeConfig config = common.config();
            Assets assets = new Assets(common.models());
            List<io.edgescope.detect.variants.Variant> chosen = io.edgescope.detect.variants.Variant.allById(variants);
            io.edgescope.detect.BgrImage frame = assets.sampleFrame(config);
            io.edgescope.bench.SwitchBenchmark.Result r = io.edgescope.bench.SwitchBenchmark.run(
                    v -> assets.loadModel(config, v), chosen, frame, rounds, fps);
            io.edgescope.bench.EndToEndSwitch.Result residentE2e = null;
            io.edgescope.bench.EndToEndSwitch.Result loadingE2e = null;
            if (endToEnd) {
                Path work = Files.createTempDirectory("edgescope-bench-switch");
                EdgeScopeConfig local = config.with(Map.of(EdgeScopeConfig.DATA_DIR.name(), work.toString(),
                        EdgeScopeConfig.STATE_DIR.name(), work.resolve("state").toString(), EdgeScopeConfig.BROKER_PORT.name(), "0",
                        EdgeScopeConfig.REGISTRY_PORT.name(), "0", EdgeScopeConfig.TELEMETRY_HTTP_PORT.name(), "0", EdgeScopeConfig.BOOTSTRAP_SERVERS.name(), "",
                        EdgeScopeConfig.SCHEMA_REGISTRY_URL.name(), ""));
                List<EncodedFrame> clipFrames = new ArrayList<>();
                try (FrameSource clip = FrameSources.open(assets.sampleClip().toString(), config.jpegQuality())) {
                    for (Optional<EncodedFrame> f = clip.next(); f.isPresent() && clipFrames.size() < E2E_FRAMES; f = clip.next()) {
                        clipFrames.add(f.get());
                    }
                }
                try (Platform platform = Platform.start(local.with(Map.of(EdgeScopeConfig.APPLICATION_ID.name(), "bench-switch-resident")))) {
                    residentE2e = io.edgescope.bench.EndToEndSwitch.run(platform, v -> assets.loadModel(config, v), chosen.get(0),
                            chosen.get(1), true, clipFrames, fps, rounds);
                }
                try (Platform platform = Platform.start(local.with(Map.of(EdgeScopeConfig.APPLICATION_ID.name(), "bench-switch-loading",
                        EdgeScopeConfig.DATA_DIR.name(), work.resolve("second").toString())))) {
                    loadingE2e = io.edgescope.bench.EndToEndSwitch.run(platform, v -> assets.loadModel(config, v), chosen.get(0),
                            chosen.get(1), false, clipFrames, fps, rounds);
                }
            }
            if (json) {
                ObjectMapper mapper = new ObjectMapper();
                System.out.println(mapper.writeValueAsString(mapper.createObjectNode()
                        .put("resident_switch_ms", r.residentSwitchMillis()).put("reload_switch_ms", r.reloadSwitchMillis())
                        .put("steady_frame_ms", r.steadyFrameMillis()).put("resident_overhead_ms", r.residentOverheadMillis())
                        .put("reload_overhead_ms", r.reloadOverheadMillis()).put("overhead_ratio", r.overheadRatio()).put("frames_dropped", r.framesDroppedResident())
                        .put("frames_dropped_reload", r.framesDroppedReload()).put("rss_per_variant_mb", r.rssPerVariantMib())));
            } else {
                System.out.printf(Locale.ROOT, """
                        Medians of %d switches between %s.

                        | measure                                    | value     |
                        |--------------------------------------------|-----------|
                        | frame without a switch (ms)                | %9.1f |
                        | resident: switch to first frame done (ms)  | %9.1f |
                        | reload: switch to first frame done (ms)    | %9.1f |
                        | resident switch overhead (ms)              | %9.1f |
                        | reload switch overhead (ms)                | %9.1f |
                        | overhead ratio reload / resident           | %9.1f |
                        | frames lost at %4.0f fps, resident           | %9d |
                        | frames lost at %4.0f fps, reload             | %9d |
                        | RSS per resident variant (MiB)             | %9.0f |
                        """, r.switches(), String.join(", ", variants), r.steadyFrameMillis(), r.residentSwitchMillis(),
                        r.reloadSwitchMillis(), r.residentOverheadMillis(), r.reloadOverheadMillis(), r.overheadRatio(), fps,
                        r.framesDroppedResident(), fps, r.framesDroppedReload(), r.rssPerVariantMib());
                if (residentE2e != null) {
                    System.out.printf(Locale.ROOT, """

                            Through Kafka, a live stream at %.0f fps switched %d times between %s and %s (profile record written
                            to the end of the first frame of the new variant; medians):

                            | measure                                          | value     |
                            |--------------------------------------------------|-----------|
                            | resident target: switch (ms)                     | %9.0f |
                            | resident target: frames lost                     | %9d |
                            | target loaded on demand (1 fits): switch (ms)    | %9.0f |
                            | target loaded on demand: frames lost             | %9d |
                            """, fps, residentE2e.switches(), chosen.get(0).id(), chosen.get(1).id(), residentE2e.switchMillis(),
                            residentE2e.framesLost(), loadingE2e.switchMillis(), loadingE2e.framesLost());
                }
            }
            return 0;
        }
    }

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
    private static final int E2E_FRAMES = 50;

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

        @Option(names = "--rounds", paramLabel = "R", defaultValue = "3",
                description = "Rounds of bare then pipeline, and a last bare phase (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--json", description = "Print one JSON object instead of the table.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            if (rounds < 1) {
                throw new IllegalArgumentException("--rounds must be at least 1");
            }
            Path work = Files.createTempDirectory("edgescope-bench");
            EdgeScopeConfig config = common.config().with(Map.of(
                    EdgeScopeConfig.APPLICATION_ID.name(), "edgescope-bench-" + UUID.randomUUID(),
                    EdgeScopeConfig.STATE_DIR.name(), work.resolve("state").toString(),
                    EdgeScopeConfig.DATA_DIR.name(), work.toString(),
                    EdgeScopeConfig.BROKER_PORT.name(), "0",
                    EdgeScopeConfig.REGISTRY_PORT.name(), "0", EdgeScopeConfig.TELEMETRY_HTTP_PORT.name(), "0"));
            Assets assets = new Assets(common.models());
            List<EncodedFrame> loaded = load(assets.inputOrSample(input), config);
            PipelineBenchmark.Result result;
            try (Platform platform = Platform.start(config)) {
                result = PipelineBenchmark.run(loaded, assets.loadModel(config), platform, config.maxDecodedPixels(), rounds);
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
            node.put("frames", r.frames()).put("bare_fps", r.bareFps()).put("pipeline_fps", r.pipelineFps())
                    .put("ratio", r.ratio()).put("rss_mb", r.rssMib())
                    .put("cpu_ms_per_frame_bare", r.bareCpuMillisPerFrame())
                    .put("cpu_ms_per_frame_pipeline", r.pipelineCpuMillisPerFrame())
                    .put("commit_ms_per_frame", r.commitMillisPerFrame());
            ArrayNode rounds = node.putArray("rounds");
            for (int i = 0; i < r.pipeline().size(); i++) {
                rounds.addObject().put("bare_fps_before", r.bare().get(i).fps()).put("pipeline_fps", r.pipeline().get(i).fps())
                        .put("bare_fps_after", r.bare().get(i + 1).fps()).put("ratio", r.roundRatios().get(i));
            }
            ObjectNode stages = node.putObject("stages_ms");
            r.stages().rows().forEach((name, v) -> stages.putObject(name).put("p50", v[0]).put("p99", v[1]).put("mean", v[2]));
            return mapper.writeValueAsString(node);
        }

        private static String table(PipelineBenchmark.Result r, EdgeScopeConfig config) {
            StringBuilder rounds = new StringBuilder("""
                    | round | bare fps before | pipeline fps | bare fps after | ratio |
                    |-------|-----------------|--------------|----------------|-------|
                    """);
            for (int i = 0; i < r.pipeline().size(); i++) {
                rounds.append(String.format(Locale.ROOT, "| %5d | %15.2f | %12.2f | %14.2f | %5.3f |%n", i + 1, r.bare().get(i).fps(),
                        r.pipeline().get(i).fps(), r.bare().get(i + 1).fps(), r.roundRatios().get(i)));
            }
            return String.format(Locale.ROOT, """
                    | measure                    | value     |
                    |----------------------------|-----------|
                    | frames per phase           | %9d |
                    | detector threads           | %9d |
                    | bare inference fps         | %9.2f |
                    | pipeline fps (via Kafka)   | %9.2f |
                    | ratio pipeline / bare      | %9.3f |
                    | process RSS (MiB)          | %9.0f |
                    | CPU ms per frame, bare     | %9.2f |
                    | CPU ms per frame, pipeline | %9.2f |
                    | commit ms per frame        | %9.2f |

                    %s
                    %s""", r.frames(), config.detectorThreads(), r.bareFps(), r.pipelineFps(), r.ratio(), r.rssMib(),
                    r.bareCpuMillisPerFrame(), r.pipelineCpuMillisPerFrame(), r.commitMillisPerFrame(), rounds, r.stages().format());
        }
    }
}
