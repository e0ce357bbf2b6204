package io.edgescope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgescope.bench.faults.FaultHarness;
import io.edgescope.bench.faults.FaultReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench faults}: exactly once through a killed process, a broker restart and a registry restart. */
@Command(name = "faults", mixinStandardHelpOptions = true,
        description = "Run 2 detection processes on a broker and registry of its own; while frames flow, SIGKILL and restart one process, "
                + "restart the broker, restart the registry; then count detections per frame (read_committed). Exit 1 unless exactly once, in order.")
final class BenchFaultsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--streams", defaultValue = "4", description = "Streams sending in parallel (default: ${DEFAULT-VALUE}).")
    int streams;

    @Option(names = "--frames", defaultValue = "40", description = "Frames per stream (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--guarantee", defaultValue = "exactly_once_v2",
            description = "processing.guarantee of the processes: exactly_once_v2 (default) or at_least_once (to see what it costs). "
                    + "-D settings go to the processes too, e.g. -D commit.interval.ms=5000.")
    String guarantee;

    @Option(names = "--input", paramLabel = "PATH", description = "Video whose first frames are sent (default: the sample clip).")
    String input;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (streams < 1 || frames < 4) {
            throw new IllegalArgumentException("--streams must be at least 1 and --frames at least 4 (faults come at 1/4, 1/2 and 3/4)");
        }
        if (!guarantee.equals("exactly_once_v2") && !guarantee.equals("at_least_once")) {
            throw new IllegalArgumentException("--guarantee must be exactly_once_v2 or at_least_once");
        }
        Path clip = Path.of(new Assets(common.models()).inputOrSample(input));
        FaultReport report = new FaultHarness(new FaultHarness.Options(streams, frames, guarantee, clip, common.models().orElse(null),
                common.settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()),
                line -> System.err.println("bench faults: " + line)).run();
        System.out.println(json ? new ObjectMapper().writeValueAsString(report.json()) : report.table());
        return report.exactlyOnceInOrder() ? 0 : CliErrors.FAILED;
    }
}
