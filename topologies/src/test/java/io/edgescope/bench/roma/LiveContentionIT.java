package io.edgescope.bench.roma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.edgescope.app.TestDetectors;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.detect.variants.Variant;
import io.edgescope.eval.MotSequence;
import io.edgescope.roma.SizeBuckets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench roma-live} end to end: one and two cameras at once, real detectors, two variants, one short round. */
class LiveContentionIT {

    private static final List<String> VARIANTS = List.of("yolox-nano-256", "yolox-nano-416");
    private static final List<String> POLICIES = List.of("fixed:yolox-nano-256", "fixed:yolox-nano-416", "fits-interval", "tod", "roma-alone", "roma");

    @Test
    void shouldRunEveryPolicyOnSeveralCamerasAtOnceAndScoreWhatAViewerSaw(@TempDir Path tmp) throws Exception {
        EdgeScopeConfig config = EdgeScopeConfig.defaults();
        MotSequence tud = MotSequence.load(TestDetectors.SHARED.resolve("datasets/TUD-Campus"));
        LiveContention.Options options = new LiveContention.Options(List.of(tud), Variant.allById(VARIANTS), List.of(1, 2), 0.8, 1,
                tmp.resolve("cache"), config.maxDecodedPixels(), SizeBuckets.DEFAULT, config.romaSettings(), 0.02, false);

        long startedEpochMillis = System.currentTimeMillis();
        LiveContention.Result result = LiveContention.run(options,
                LiveContention.Models.asConfigured(config, (c, v) -> TestDetectors.model(c, v, tmp.resolve("variants"))), m -> { });

        ArrayNode json = LiveContentionReport.json(result);
        assertThat(json).extracting(n -> n.get("streams").asInt()).containsExactly(1, 2);
        for (JsonNode n : json) {
            assertThat(n.get("per_policy").fieldNames()).toIterable().containsExactlyElementsOf(POLICIES);
            n.get("per_policy").forEach(ap -> assertThat(ap.asDouble()).isBetween(0.0, 1.0));
            assertThat(n.get("best_fixed").asDouble()).isEqualTo(Math.max(n.get("per_policy").get(POLICIES.get(0)).asDouble(),
                    n.get("per_policy").get(POLICIES.get(1)).asDouble()));
            assertThat(n.get("roma").asDouble()).isEqualTo(n.get("per_policy").get("roma").asDouble());
            assertThat(n.get("per_policy_rounds").get("roma")).extracting(JsonNode::asDouble).containsExactly(n.get("roma").asDouble());
            assertThat(n.get("roma_vs_best_fixed_by_round").get("mean_percent").asDouble())
                    .isCloseTo(100 * (n.get("roma").asDouble() / n.get("best_fixed").asDouble() - 1), within(1e-9));
            assertThat(n.get("roma_vs_best_fixed_by_round").get("standard_error_percent").isNull()).as("one round: no error").isTrue();
            assertThat(n.get("roma_alone").asDouble()).isEqualTo(n.get("per_policy").get("roma-alone").asDouble());
            assertThat(n.get("roma_variants").fieldNames()).toIterable().isNotEmpty().isSubsetOf(VARIANTS);
            JsonNode times = n.get("roma_decision_us").get("roma");
            assertThat(times.get("decisions").asInt()).as("every ROMA decision of the run timed").isEqualTo(result.decisions().stream()
                    .filter(d -> d.policy().equals("roma") && d.streams() == n.get("streams").asInt()).count());
            assertThat(times.get("median_cpu").asDouble()).isPositive().isLessThanOrEqualTo(times.get("max_cpu").asDouble());
            assertThat(times.get("over_1ms_cpu").asInt()).isBetween(0, times.get("decisions").asInt());
            assertThat(times.get("reference_median_cpu").asDouble()).as("a reference unit timed after every decision").isPositive()
                    .isLessThanOrEqualTo(times.get("reference_max_cpu").asDouble());
            assertThat(times.get("reference_over_1ms_cpu").asInt()).isBetween(0, times.get("decisions").asInt());
            assertThat(n.get("offline").fieldNames()).toIterable().containsExactlyElementsOf(POLICIES.subList(0, VARIANTS.size()));
            n.get("offline").forEach(ap -> assertThat(ap.asDouble()).isBetween(0.0, 1.0));
            assertThat(n.get("expected_share").fieldNames()).as("ROMA watched every fixed variant").toIterable()
                    .containsExactlyElementsOf(POLICIES.subList(0, VARIANTS.size()));
            n.get("expected_share").forEach(share -> assertThat(share.asDouble()).isBetween(0.0, 1.0));
        }
        int frames = result.framesPerStream();
        assertThat(frames).isEqualTo(20);
        LiveContention.Cell two = result.cells().get(2).get("fixed:yolox-nano-256");
        assertThat(two.frames()).as("two cameras' frames").isEqualTo(2 * frames);
        assertThat(two.processedShare()).isGreaterThan(0.5);
        int alone = config.detectorThreads();
        int shared = config.with(Map.of("num.stream.threads", "2")).detectorThreads();
        assertThat(json).extracting(n -> n.get("threads_per_inference").asInt()).as("the cores shared among the cameras")
                .containsExactly(alone, shared);
        assertThat(LiveContentionReport.tables(result)).contains("decision time", "no staleness", "| roma |", "roma / best fixed", "round by round",
                "roma / roma-alone", "2 streams", "threads per inference: " + alone + " with 1 stream, " + shared + " with 2 streams",
                "Contention slowdown");
        assertThat(json.get(1).get("contention_slowdown").fieldNames()).as("against each variant's latency alone with the same threads")
                .toIterable().containsExactly(POLICIES.get(0), POLICIES.get(1));
        assertThat(result.idleMillis().get(2)).containsOnlyKeys(POLICIES.get(0), POLICIES.get(1)).allSatisfy((p, ms) -> assertThat(ms).isPositive());
        assertThat(json.get(0).get("contention_slowdown").isEmpty()).as("one camera has no one to contend with").isTrue();
        assertThat(result.decisions()).extracting(LiveContention.CameraDecision::camera).as("both cameras of the two-camera run decided").contains(0, 1);
        assertThat(result.decisions()).extracting(LiveContention.CameraDecision::policy).as("both ROMAs traced").contains("roma", "roma-alone");
        Path trace = tmp.resolve("trace.jsonl");
        LiveContentionReport.trace(result, trace);
        assertThat(Files.readAllLines(trace)).hasSize(result.decisions().size()).allMatch(l -> l.contains("\"camera\"") && l.contains("\"estimates\"") && l.contains("\"reference_cpu_us\"")
                && l.contains("\"others_ap_change\"") && l.contains("\"thread_id\"") && l.contains("\"decided_epoch_ms\"") && l.contains("\"reference_us\""));
        assertThat(result.decisions()).as("each camera decides on its own thread, at a time of this run")
                .allMatch(c -> c.moment().decidedEpochMillis() >= startedEpochMillis && c.moment().decidedEpochMillis() <= System.currentTimeMillis())
                .isNotEmpty();
        Map<Long, Set<String>> camerasByThread = result.decisions().stream().collect(Collectors.groupingBy(c -> c.moment().threadId(),
                Collectors.mapping(c -> c.policy() + "/" + c.streams() + "/" + c.round() + "/" + c.camera(), Collectors.toSet())));
        assertThat(camerasByThread.values()).as("one thread per camera and run").allMatch(cameras -> cameras.size() == 1);
    }
}
