package io.edgescope.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgescope.app.PrometheusMetrics;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard only queries metrics the app exports. */
class DashboardTest {

    private static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "edgescope-dashboard.json");
    private static final Pattern METRIC = Pattern.compile("\\b((?:edgescope|jvm|process)_[a-z_]+)");
    private static final Set<String> PROMQL_SUFFIXES = Set.of("_bucket");

    @Test
    void shouldQueryOnlyMetricsTheAppExports() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        Set<String> used = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher m = METRIC.matcher(target.path("expr").asText());
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        String scrape;
        try (PrometheusMetrics metrics = new PrometheusMetrics()) {
            metrics.frameIn("cam");
            metrics.frameSkipped("cam", io.edgescope.topology.SkipReason.STALE);
            metrics.frameProcessed("cam", "yolox-nano-416", 12, 80);
            metrics.romaEstimate("cam", "yolox-nano-416", 0.8);
            scrape = metrics.scrape();
        }
        for (String name : used) {
            String base = PROMQL_SUFFIXES.stream().filter(name::endsWith).findFirst().map(s -> name.substring(0, name.length() - s.length()))
                    .orElse(name);
            assertThat(scrape).as("metric %s used by the dashboard", name).contains(base);
        }
    }
}
