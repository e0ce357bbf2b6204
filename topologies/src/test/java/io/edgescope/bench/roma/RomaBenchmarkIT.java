package io.edgescope.bench.roma;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.edgescope.app.TestDetectors;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.detect.variants.Variant;
import io.edgescope.eval.MotSequence;
import io.edgescope.roma.SizeBuckets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench roma} end to end on one labelled sequence, two variants, real detections and latencies measured here. */
class RomaBenchmarkIT {

    private static final List<String> KEYS = List.of("scenario", "dynamic", "roma", "best_fixed", "fits_interval", "tod", "oracle", "per_variant");
    private static final List<String> VARIANTS = List.of("yolox-nano-256", "yolox-nano-416");
    private static final int SEEDS = 2;

    @Test
    void shouldScoreEveryPolicyOnEveryKindOfScenarioWithTheIssuesJsonKeysAndReuseTheMeasuredLatencies(@TempDir Path tmp) throws Exception {
        EdgeScopeConfig config = EdgeScopeConfig.defaults();
        MotSequence tud = MotSequence.load(TestDetectors.SHARED.resolve("datasets/TUD-Campus"));
        Path latencies = tmp.resolve("latencies.json");
        RomaBenchmark.Options options = new RomaBenchmark.Options(List.of(tud), Variant.allById(VARIANTS), Variant.DEFAULT, 1, 2,
                tmp.resolve("cache"), config.maxDecodedPixels(), SizeBuckets.DEFAULT, config.romaSettings(), 0.02, 7, true, latencies, SEEDS, false);
        List<String> progress = new ArrayList<>();
        RomaBenchmark.Result result = RomaBenchmark.run(options, v -> TestDetectors.model(config, v, tmp.resolve("variants")), progress::add);

        ArrayNode json = RomaReport.json(result);
        assertThat(json).hasSize(3 + 2 * RomaScenarios.DYNAMIC_SPECS.size() + 3);
        assertThat(json).extracting(n -> n.get("scenario").asText()).contains("TUD-Campus" + RomaScenarios.SMALLER_SUFFIX);
        for (JsonNode scenario : json) {
            assertThat(KEYS).allSatisfy(k -> assertThat(scenario.has(k)).as(scenario.path("scenario") + " has " + k).isTrue());
            assertThat(scenario.get("per_variant").size()).isEqualTo(VARIANTS.size());
            for (String policy : List.of("roma", "best_fixed", "fits_interval", "tod", "oracle", "roma_known_both", "roma_known_sequence")) {
                assertThat(scenario.get(policy).asDouble()).as(scenario.get("scenario") + " " + policy).isBetween(0.0, 1.0);
            }
            assertThat(scenario.get("best_fixed").asDouble()).isEqualTo(max(scenario.get("per_variant")));
            assertThat(scenario.get("over_seeds").get("seeds").asInt()).isEqualTo(SEEDS);
        }
        assertThat(json).filteredOn(s -> s.get("kind").asText().equals(RomaScenarios.DYNAMIC)).allMatch(s -> s.get("dynamic").asBoolean());
        assertThat(json).filteredOn(s -> s.get("kind").asText().equals(RomaScenarios.STATIC)).noneMatch(s -> s.get("dynamic").asBoolean());
        assertThat(RomaReport.tables(result)).contains("Over 2 seeds", "What ROMA's run-time estimates cost", "dynamic-1");

        assertThat(latencies).exists();
        List<String> again = new ArrayList<>();
        RomaBenchmark.Result second = RomaBenchmark.run(options, v -> TestDetectors.model(config, v, tmp.resolve("variants")), again::add);
        assertThat(again).anyMatch(m -> m.startsWith("latencies reused")).noneMatch(m -> m.startsWith("latency round"));
        assertThat(RomaReport.json(second).get(0).get("roma").asDouble()).isEqualTo(json.get(0).get("roma").asDouble());
        assertThat(Files.size(latencies)).isPositive();
    }

    private static double max(JsonNode perVariant) {
        double best = -1;
        for (JsonNode v : perVariant) {
            best = Math.max(best, v.asDouble());
        }
        return best;
    }
}
