package io.edgescope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgescope.app.Platform;
import io.edgescope.app.VariantPool;
import io.edgescope.bench.soak.SoakBenchmark;
import io.edgescope.bench.soak.SoakChart;
import io.edgescope.bench.soak.SoakResult;
import io.edgescope.config.EdgeScopeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench soak}: the pipeline for a while, memory and lag sampled, drift after warm-up. */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Run broker, registry, detection and looping ingests in this process; sample RSS, live heap, lag and native arrays; "
                + "print the series and the drift after warm-up (target: RSS within 10 %%, no native array growth).")
final class BenchSoakCommand implements Callable<Integer> {

    private static final double WARMUP_SHARE = 0.2;

    @Mixin
    CommonOptions common;

    @Option(names = "--minutes", defaultValue = "30", description = "How long (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--streams", defaultValue = "2", description = "Looping streams (default: ${DEFAULT-VALUE}).")
    int streams;

    @Option(names = "--fps", defaultValue = "5", description = "Frames per second per stream (default: ${DEFAULT-VALUE}).")
    double fps;

    @Option(names = "--every", defaultValue = "5", description = "Seconds between samples (default: ${DEFAULT-VALUE}).")
    int everySeconds;

    @Option(names = "--input", paramLabel = "PATH", description = "Video looped by every stream (default: the sample clip).")
    String input;

    @Option(names = "--png", paramLabel = "FILE", description = "Write the series as a chart.")
    Path png;

    @Option(names = "--json", description = "Print one JSON object (summary and every sample) instead of the table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (minutes <= 0 || streams < 1 || fps <= 0 || everySeconds < 1) {
            throw new IllegalArgumentException("--minutes, --streams, --fps and --every must be positive");
        }
        Path work = Files.createTempDirectory("edgescope-soak");
        EdgeScopeConfig config = common.config().with(Map.of(
                EdgeScopeConfig.APPLICATION_ID.name(), "edgescope-soak-" + UUID.randomUUID(),
                EdgeScopeConfig.STATE_DIR.name(), work.resolve("state").toString(),
                EdgeScopeConfig.DATA_DIR.name(), work.toString(),
                EdgeScopeConfig.BROKER_PORT.name(), "0", EdgeScopeConfig.REGISTRY_PORT.name(), "0",
                EdgeScopeConfig.TELEMETRY_HTTP_PORT.name(), "0"));
        Assets assets = new Assets(common.models());
        String clip = assets.inputOrSample(input);
        Duration duration = Duration.ofMillis(Math.round(minutes * 60_000));
        SoakBenchmark.Options options = new SoakBenchmark.Options(duration, streams, fps,
                Duration.ofMillis(Math.round(duration.toMillis() * WARMUP_SHARE)), Duration.ofSeconds(everySeconds), clip);
        SoakResult result;
        try (VariantPool pool = assets.variantPool(config);
             Platform platform = Platform.start(config)) {
            result = SoakBenchmark.run(platform, pool, options, s -> System.err.printf(Locale.ROOT,
                    "soak %5.1f min: RSS %.0f MiB, heap %.0f MiB, lag %d, detected %d%n", s.seconds() / 60, s.rssMib(), s.heapAfterGcMib(),
                    s.lag(), s.framesDetected()));
        }
        if (png != null) {
            SoakChart.write(result, png);
        }
        System.out.println(json ? new ObjectMapper().writeValueAsString(result.json()) : result.table());
        return result.withinTarget() ? 0 : CliErrors.FAILED;
    }
}
