package io.edgescope.bench;

import io.edgescope.stats.LatencyRecorder;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Named latency stages, printed as a table of p50, p99 and mean in milliseconds. */
public final class StageTable {

    private static final double P50 = 50;
    private static final double P99 = 99;
    private final Map<String, LatencyRecorder> stages = new LinkedHashMap<>();

    public void record(String stage, double millis) {
        stages.computeIfAbsent(stage, s -> new LatencyRecorder()).record(millis);
    }

    public Map<String, double[]> rows() {
        Map<String, double[]> out = new LinkedHashMap<>();
        stages.forEach((name, r) -> out.put(name, new double[] {r.percentile(P50), r.percentile(P99), r.mean()}));
        return out;
    }

    public String format() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "| %-26s | %9s | %9s | %9s |%n", "stage", "p50 ms", "p99 ms",
                "mean ms"));
        b.append("|----------------------------|-----------|-----------|-----------|\n");
        rows().forEach((name, v) -> b.append(String.format(Locale.ROOT, "| %-26s | %9.2f | %9.2f | %9.2f |%n", name, v[0], v[1], v[2])));
        return b.toString();
    }
}
