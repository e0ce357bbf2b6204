package io.edgescope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgescope.bench.scale.ScaleBenchmark;
import io.edgescope.bench.scale.ScaleResult;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench scale}: detection throughput per number of processes, same run. */
@Command(name = "scale", mixinStandardHelpOptions = true,
        description = "Detection throughput with 1, 2, ... processes (their own JVMs) sharing 4 frame partitions, and scaling efficiency.")
final class BenchScaleCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--instances", split = ",", defaultValue = "1,2,1,2", description = "Instance counts, run in this order (default: ${DEFAULT-VALUE}: interleaved, as this host's speed drifts).")
    List<Integer> instances;

    @Option(names = "--streams", defaultValue = "8", description = "Streams (default: ${DEFAULT-VALUE}).")
    int streams;

    @Option(names = "--frames", defaultValue = "40", description = "Frames per stream (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--detector-threads", defaultValue = "1", description = "detector.threads of each instance (default: ${DEFAULT-VALUE}).")
    int detectorThreads;

    @Option(names = "--input", paramLabel = "PATH", description = "Video whose first frames are sent (default: the sample clip).")
    String input;

    @Option(names = "--json", description = "Print a JSON list of rows instead of the table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (instances.isEmpty() || instances.stream().anyMatch(n -> n < 1) || streams < 1 || frames < 2 || detectorThreads < 1) {
            throw new IllegalArgumentException("--instances must list positive counts; --streams, --frames (2+) and --detector-threads positive");
        }
        Path clip = Path.of(new Assets(common.models()).inputOrSample(input));
        ScaleResult result = ScaleBenchmark.run(new ScaleBenchmark.Options(instances, streams, frames, detectorThreads, clip,
                common.models().orElse(null)), line -> System.err.println("bench scale: " + line));
        System.out.println(json ? new ObjectMapper().writeValueAsString(result.json()) : result.table());
        return 0;
    }
}
