package io.edgescope.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size (from /proc, Linux) and CPU time of this process. */
public final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final double KIB_PER_MIB = 1024.0;

    private ProcessMemory() {
    }

    /** CPU time used by all threads of this process so far, in nanoseconds. */
    public static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** RSS in MiB, or NaN where /proc is not available. */
    public static double rssMib() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / KIB_PER_MIB;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
