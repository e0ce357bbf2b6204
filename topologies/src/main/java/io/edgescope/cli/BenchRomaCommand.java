package io.edgescope.cli;

import io.edgescope.assets.AssetResolver;
import io.edgescope.bench.roma.RomaBenchmark;
import io.edgescope.bench.roma.RomaReport;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.roma.RomaSettings;
import io.edgescope.roma.SizeBuckets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench roma}: ROMA against fixed variants, two heuristics and the per-segment oracle. */
@Command(name = "roma", mixinStandardHelpOptions = true,
        description = "Real-time AP50 of ROMA, every fixed variant, fits-the-interval, TOD and the per-segment oracle on static, "
                + "dynamic (content and load change) and contention scenarios built from labelled sequences, from one run.")
final class BenchRomaCommand implements Callable<Integer> {


    @Mixin
    CommonOptions common;

    @Mixin
    RomaBenchInputs inputs;

    @Option(names = "--rounds", defaultValue = "3", description = "Interleaved latency rounds over all load conditions (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--samples", defaultValue = "12", description = "Latency samples per variant, condition and round (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--size-edges", split = ",", description = "Relative size bucket edges (default: 0.02,0.04,0.08,0.16).")
    List<Double> sizeEdges;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the latency draws (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--seeds", defaultValue = "1", description = "Replay every scenario with this many seeds of the latency draws "
            + "(--seed, --seed + 1, ...) on the same measured latencies, and summarise the spread (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--chart", paramLabel = "PNG", description = "Also write a bar chart of real-time AP50 per scenario.")
    Path chart;

    @Option(names = "--no-calibrate", description = "Run ROMA with the configured roma.motion.iou / roma.retention.exponent instead of the values fitted to this run's fixed-variant runs.")
    boolean noCalibrate;

    @Option(names = "--trace", paramLabel = "JSONL", description = "Also write every ROMA decision with its inputs and estimates.")
    Path trace;

    @Option(names = "--latencies", paramLabel = "JSON", description = "Reuse the latency table in this file when it covers the run's variants and "
            + "conditions (to compare settings on the same measurements); otherwise measure and write it there.")
    Path latencies;

    @Option(names = "--json", description = "Print a JSON list, one object per scenario, instead of the tables.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        EdgeScopeConfig config = common.config();
        Assets assets = new Assets(common.models());
        RomaBenchmark.Options options = new RomaBenchmark.Options(inputs.sequences(), inputs.variants(), config.variant(), rounds, samples,
                AssetResolver.userCacheDir().resolve(RomaCommand.CACHE_FOLDER), config.maxDecodedPixels(),
                sizeEdges == null ? SizeBuckets.DEFAULT : new SizeBuckets(sizeEdges), config.romaSettings(), inputs.todTolerance, seed, !noCalibrate,
                latencies, seeds, inputs.recordedProfile);
        RomaBenchmark.Result result = RomaBenchmark.run(options, v -> assets.loadModel(config, v), System.err::println);
        if (trace != null) {
            RomaReport.trace(result, trace);
        }
        if (chart != null) {
            RomaReport.chart(result, chart);
        }
        System.out.println(json ? RomaReport.json(result).toPrettyString() : RomaReport.tables(result));
        return 0;
    }
}
