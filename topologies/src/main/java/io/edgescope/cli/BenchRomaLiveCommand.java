package io.edgescope.cli;

import io.edgescope.assets.AssetResolver;
import io.edgescope.bench.roma.LiveContention;
import io.edgescope.bench.roma.LiveContentionChart;
import io.edgescope.bench.roma.LiveContentionReport;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.roma.SizeBuckets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench roma-live}: several cameras at once, every one running the same policy, detected for real. */
@Command(name = "roma-live", mixinStandardHelpOptions = true,
        description = "Real-time AP50 of every fixed variant, fits-the-interval, TOD and ROMA with 1, 2, 4 ... cameras at once on this "
                + "host, every camera running the policy on its own part of the labelled sequences, every frame detected for real.")
final class BenchRomaLiveCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    RomaBenchInputs inputs;

    @Option(names = "--streams", split = ",", defaultValue = "1,2,4", description = "Numbers of concurrent cameras (default: ${DEFAULT-VALUE}).")
    List<Integer> streams;

    @Option(names = "--seconds", defaultValue = "12", description = "Length of each camera's run (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--rounds", defaultValue = "2", description = "Runs of every policy at every number of cameras, in alternating order (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--trace", paramLabel = "JSONL", description = "Also write every ROMA decision of every camera with its inputs and estimates.")
    Path trace;

    @Option(names = "--chart", paramLabel = "PNG", description = "Also write a chart: real-time AP50 of every policy against the number of "
            + "cameras, and the share of ROMA's frames per variant at each.")
    Path chart;

    @Option(names = "--json", description = "Print a JSON list, one object per number of cameras, instead of the tables.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        EdgeScopeConfig config = common.config();
        Assets assets = new Assets(common.models());
        LiveContention.Options options = new LiveContention.Options(inputs.sequences(), inputs.variants(),
                streams, seconds, rounds, AssetResolver.userCacheDir().resolve(RomaCommand.CACHE_FOLDER), config.maxDecodedPixels(),
                SizeBuckets.DEFAULT, config.romaSettings(), inputs.todTolerance, inputs.recordedProfile);
        LiveContention.Result result = LiveContention.run(options, LiveContention.Models.asConfigured(config, assets::loadModel),
                System.err::println);
        if (trace != null) {
            LiveContentionReport.trace(result, trace);
        }
        if (chart != null) {
            LiveContentionChart.write(result, chart);
        }
        System.out.println(json ? LiveContentionReport.json(result).toPrettyString() : LiveContentionReport.tables(result));
        return 0;
    }
}
