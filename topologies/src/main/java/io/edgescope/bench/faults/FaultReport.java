package io.edgescope.bench.faults;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the fault harness found: frames sent, detections read (read_committed), and the faults injected.
 *
 * @param frames frames sent (streams x frames per stream)
 * @param detections detections records read
 * @param detectionsUnique distinct (stream, sequence) among them
 * @param duplicates records beyond the first for a frame
 * @param lost frames without a detections record
 * @param outOfOrder streams whose detections are not in sequence order
 */
public record FaultReport(String guarantee, int streams, long frames, long detections, long detectionsUnique, long duplicates, long lost,
                          long outOfOrder, int kills, int brokerRestarts, int registryRestarts, double seconds) {

    /** Exactly one record per frame, in order per stream. */
    public boolean exactlyOnceInOrder() {
        return duplicates == 0 && lost == 0 && outOfOrder == 0;
    }

    /** One JSON object with snake_case keys (frames, detections_unique, duplicates, lost, kills, broker_restarts, ...). */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("guarantee", guarantee);
        m.put("streams", streams);
        m.put("frames", frames);
        m.put("detections", detections);
        m.put("detections_unique", detectionsUnique);
        m.put("duplicates", duplicates);
        m.put("lost", lost);
        m.put("out_of_order_streams", outOfOrder);
        m.put("kills", kills);
        m.put("broker_restarts", brokerRestarts);
        m.put("registry_restarts", registryRestarts);
        m.put("seconds", Math.round(seconds * 10) / 10.0);
        m.put("exactly_once_in_order", exactlyOnceInOrder());
        return m;
    }

    public String table() {
        StringBuilder out = new StringBuilder("| measure | value |\n|---|---|\n");
        json().forEach((k, v) -> out.append(String.format(Locale.ROOT, "| %s | %s |%n", k, v)));
        return out.toString();
    }
}
