package io.edgescope.bench.scale;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Throughput per instance count, and scaling efficiency against one instance measured in the same run. */
public record ScaleResult(int streams, int frames, int detectorThreads, int streamThreads, List<Row> rows) {

    /**
     * @param instances detection processes
     * @param detections detections read
     * @param seconds from the first detection read to the last
     * @param fps detections per second over that span
     */
    public record Row(int instances, long detections, double seconds, double fps) {
    }

    public ScaleResult {
        rows = List.copyOf(rows);
    }

    /** fps(n) / (n x fps(1)), fps(1) the mean of the one-instance rows (interleaved runs); NaN without one. */
    public double efficiency(Row row) {
        double one = rows.stream().filter(r -> r.instances() == 1).mapToDouble(Row::fps).average().orElse(Double.NaN);
        return row.fps() / (row.instances() * one);
    }

    public List<Map<String, Object>> json() {
        return rows.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("instances", r.instances());
            m.put("detector_threads_per_instance", detectorThreads);
            m.put("stream_threads_per_instance", streamThreads);
            m.put("detections", r.detections());
            m.put("seconds", r.seconds());
            m.put("fps", r.fps());
            m.put("fps_per_instance", r.fps() / r.instances());
            m.put("scaling_efficiency", efficiency(r));
            return m;
        }).toList();
    }

    public String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%d streams x %d frames; per instance: %d stream thread(s), detector.threads=%d%n%n", streams, frames, streamThreads, detectorThreads));
        out.append("| instances | detections | seconds | fps | fps per instance | scaling efficiency |\n|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "| %d | %d | %.1f | %.1f | %.1f | %.2f |%n", r.instances(), r.detections(), r.seconds(), r.fps(),
                    r.fps() / r.instances(), efficiency(r)));
        }
        return out.toString();
    }
}
