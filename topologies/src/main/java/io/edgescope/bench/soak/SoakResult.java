package io.edgescope.bench.soak;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A soak run's series and its drift after warm-up: the mean of the last {@link #EDGE_SAMPLES}
 * samples against the mean of the first ones after warm-up.
 */
public record SoakResult(int streams, double fpsPerStream, double warmupSeconds, List<SoakSample> samples) {

    /** Samples averaged at each end of the post-warm-up series, so one GC or one reading does not decide. */
    static final int EDGE_SAMPLES = 3;
    /** The bound on RSS drift after warm-up. */
    public static final double RSS_DRIFT_LIMIT = 0.10;
    private static final int TABLE_ROWS = 12;

    public SoakResult {
        samples = List.copyOf(samples);
    }

    private List<SoakSample> afterWarmup() {
        return samples.stream().filter(s -> s.seconds() >= warmupSeconds).toList();
    }

    /** Relative change of {@code metric} from the start to the end of the post-warm-up series. */
    private double drift(java.util.function.ToDoubleFunction<SoakSample> metric) {
        List<SoakSample> after = afterWarmup();
        if (after.size() < 2 * EDGE_SAMPLES) {
            return Double.NaN;
        }
        double first = after.subList(0, EDGE_SAMPLES).stream().mapToDouble(metric).average().orElseThrow();
        double last = after.subList(after.size() - EDGE_SAMPLES, after.size()).stream().mapToDouble(metric).average().orElseThrow();
        return (last - first) / first;
    }

    public double rssDrift() {
        return drift(SoakSample::rssMib);
    }

    public double heapDrift() {
        return drift(SoakSample::heapAfterGcMib);
    }

    public long maxLagAfterWarmup() {
        return afterWarmup().stream().mapToLong(SoakSample::lag).max().orElse(0);
    }

    /** Native arrays at the end minus at the end of warm-up: 0 when every tensor is closed. */
    public long nativeArrayGrowth() {
        List<SoakSample> after = afterWarmup();
        return after.isEmpty() ? 0 : after.get(after.size() - 1).nativeArrays() - after.get(0).nativeArrays();
    }

    public boolean withinTarget() {
        return Math.abs(rssDrift()) <= RSS_DRIFT_LIMIT && nativeArrayGrowth() <= 0;
    }

    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("streams", streams);
        m.put("fps_per_stream", fpsPerStream);
        m.put("warmup_seconds", warmupSeconds);
        m.put("rss_drift", rssDrift());
        m.put("heap_drift", heapDrift());
        m.put("max_lag_after_warmup", maxLagAfterWarmup());
        m.put("native_array_growth", nativeArrayGrowth());
        m.put("within_target", withinTarget());
        m.put("samples", samples);
        return m;
    }

    public String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Soak: %d streams at %.1f fps, %d samples, warm-up %.0f s%n%n", streams, fpsPerStream, samples.size(), warmupSeconds));
        out.append("| minute | RSS MiB | heap after GC MiB | lag (frames) | frames detected | native arrays |\n|---|---|---|---|---|---|\n");
        int step = Math.max(1, samples.size() / TABLE_ROWS);
        for (int i = 0; i < samples.size(); i += step) {
            appendRow(out, samples.get(i));
        }
        if ((samples.size() - 1) % step != 0) {
            appendRow(out, samples.get(samples.size() - 1));
        }
        out.append(String.format(Locale.ROOT, "%n| after warm-up | value | target |%n|---|---|---|%n"
                        + "| RSS drift | %+.1f %% | within ±%.0f %% |%n| heap-after-GC drift | %+.1f %% | |%n"
                        + "| max lag (frames) | %d | bounded |%n| native arrays growth | %d | 0 |%n",
                100 * rssDrift(), 100 * RSS_DRIFT_LIMIT, 100 * heapDrift(), maxLagAfterWarmup(), nativeArrayGrowth()));
        return out.toString();
    }

    private static void appendRow(StringBuilder out, SoakSample s) {
        out.append(String.format(Locale.ROOT, "| %.1f | %.0f | %.0f | %d | %d | %d |%n", s.seconds() / 60, s.rssMib(), s.heapAfterGcMib(),
                s.lag(), s.framesDetected(), s.nativeArrays()));
    }
}
