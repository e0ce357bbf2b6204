package io.edgescope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgescope.app.Platform;
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
        subcommands = BenchCommand.Pipeline.class)
final class BenchCommand {

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
            node.put("frames", r.frames()).put("bare_fps", r.bareFps()).put("pipeline_fps", r.pipelineFps())
                    .put("ratio", r.ratio()).put("rss_mb", r.rssMib());
            ObjectNode stages = node.putObject("stages_ms");
            r.stages().rows().forEach((name, v) -> stages.putObject(name).put("p50", v[0]).put("p99", v[1]));
            return mapper.writeValueAsString(node);
        }

        private static String table(PipelineBenchmark.Result r, EdgeScopeConfig config) {
            return String.format(Locale.ROOT, """
                    | measure                    | value     |
                    |----------------------------|-----------|
                    | frames                     | %9d |
                    | detector threads           | %9d |
                    | bare inference fps         | %9.2f |
                    | pipeline fps (via Kafka)   | %9.2f |
                    | ratio pipeline / bare      | %9.3f |
                    | process RSS (MiB)          | %9.0f |

                    %s""", r.frames(), config.detectorThreads(), r.bareFps(), r.pipelineFps(), r.ratio(), r.rssMib(),
                    r.stages().format());
        }
    }
}
