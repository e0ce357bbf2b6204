package io.edgescope.cli;

import io.edgescope.bench.roma.ProfiledDecisions;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench decision-samples}: were the long live decisions computing, or charged for time their thread did not run? */
@Command(name = "decision-samples", mixinStandardHelpOptions = true,
        description = "Checks a bench roma-live --trace against a CPU-sampling profiler's JFR recording of the same run (async-profiler "
                + "event=cpu): for each decision and reference unit charged over the threshold of CPU time, the profiler's samples of its "
                + "thread while it ran, against the number its CPU time implies.")
final class BenchDecisionSamplesCommand implements Callable<Integer> {

    @Option(names = "--trace", required = true, description = "The trace bench roma-live --trace wrote.")
    Path trace;

    @Option(names = "--jfr", required = true, description = "The profiler's JFR recording of that run.")
    Path recording;

    @Option(names = "--over-ms", defaultValue = "1", description = "Check work charged over this much CPU time, ms (default: ${DEFAULT-VALUE}).")
    double overMillis;

    @Option(names = "--interval-ms", description = "The profiler's sampling interval, ms (default: the recording's 'interval' setting).")
    Double intervalMillis;

    @Override
    public Integer call() {
        OptionalDouble interval = intervalMillis == null ? OptionalDouble.empty() : OptionalDouble.of(intervalMillis);
        System.out.print(ProfiledDecisions.check(trace, recording, overMillis, interval).table());
        return 0;
    }
}
