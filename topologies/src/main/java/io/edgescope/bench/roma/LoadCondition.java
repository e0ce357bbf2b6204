package io.edgescope.bench.roma;

import java.util.Locale;

/**
 * A load the host runs under while a stream is detected: nothing else, a CPU hog on every core, or
 * other camera streams running the default variant at full speed beside it.
 *
 * @param busyThreads threads spinning on arithmetic
 * @param otherStreams streams detecting continuously beside the measured one
 */
record LoadCondition(String name, int busyThreads, int otherStreams) {

    static final String IDLE_NAME = "idle";

    static LoadCondition idle() {
        return new LoadCondition(IDLE_NAME, 0, 0);
    }

    static LoadCondition cpuLoad(int threads) {
        return new LoadCondition("cpu-load", threads, 0);
    }

    /** {@code streams} concurrent streams in all, the measured one included. */
    static LoadCondition streams(int streams) {
        return new LoadCondition(String.format(Locale.ROOT, "streams-%d", streams), 0, streams - 1);
    }
}
