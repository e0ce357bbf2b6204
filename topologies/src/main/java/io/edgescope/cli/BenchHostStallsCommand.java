package io.edgescope.cli;

import io.edgescope.bench.roma.HostStalls;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench host-stalls}: how often this host charges a thread for CPU time it did not compute. */
@Command(name = "host-stalls", mixinStandardHelpOptions = true,
        description = "Fixed work about as long as a ROMA decision, run back to back on several threads and timed in thread CPU time: "
                + "how often the host (a hypervisor pausing virtual CPUs without reporting stolen time) makes it take over 1 ms.")
final class BenchHostStallsCommand implements Callable<Integer> {

    @Option(names = "--threads", defaultValue = "4", description = "Threads running the work at once (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seconds", defaultValue = "60", description = "How long (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Override
    public Integer call() throws Exception {
        System.out.println(HostStalls.run(threads, seconds).table());
        return 0;
    }
}
