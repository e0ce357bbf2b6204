package io.edgescope.bench.roma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfiledDecisionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long THREAD = 42;
    private static final long DECIDED = 1_000_000;
    private static final Duration SAMPLING = Duration.ofMillis(10);
    private static final long RUN_MILLIS = 400;

    @Test
    void shouldPickTheDecisionsAndReferenceUnitsChargedOverTheThresholdWithTheirWindows() {
        List<ProfiledDecisions.Charged> charged = ProfiledDecisions.charged(List.of(
                traced(THREAD, DECIDED, 12_000, 30_000, 200, 250),
                traced(THREAD, DECIDED + 50, 300, 300, 9_000, 9_500)), 1);

        assertThat(charged).extracting(ProfiledDecisions.Charged::kind).containsExactly("decision", "reference");
        ProfiledDecisions.Charged decision = charged.get(0);
        assertThat(decision.cpuMillis()).isEqualTo(12.0);
        assertThat(decision.fromMillis()).as("the decision's wall clock before it returned, widened by a millisecond")
                .isEqualTo(DECIDED - 30 - ProfiledDecisions.PAD_MILLIS);
        assertThat(decision.toMillis()).isEqualTo(DECIDED + ProfiledDecisions.PAD_MILLIS);
        assertThat(decision.wallMillis()).isCloseTo(30, within(1e-9));
        assertThat(decision.method()).isEqualTo(ProfiledDecisions.DECISION_FRAME);
        ProfiledDecisions.Charged reference = charged.get(1);
        assertThat(reference.fromMillis()).as("the unit runs after the decision returned").isEqualTo(DECIDED + 50 - ProfiledDecisions.PAD_MILLIS);
        assertThat(reference.toMillis()).isEqualTo(DECIDED + 50 + 9.5 + ProfiledDecisions.PAD_MILLIS);
        assertThat(reference.method()).isEqualTo(ProfiledDecisions.REFERENCE_FRAME);
    }

    @Test
    void shouldCountOnlyTheSamplesOfItsThreadInItsWindowWithItsCodeOnTheStack() {
        ProfiledDecisions.Charged decision = ProfiledDecisions.charged(List.of(traced(THREAD, DECIDED, 12_000, 12_000, 0, 0)), 1).get(0);
        List<String> deciding = List.of("java.util.stream.DoublePipeline.toArray", ProfiledDecisions.DECISION_FRAME);
        List<ProfiledDecisions.Sample> samples = List.of(
                new ProfiledDecisions.Sample(THREAD, DECIDED - 5, deciding),
                new ProfiledDecisions.Sample(THREAD, DECIDED - 2, deciding),
                new ProfiledDecisions.Sample(THREAD + 1, DECIDED - 5, deciding),
                new ProfiledDecisions.Sample(THREAD, DECIDED - 40, deciding),
                new ProfiledDecisions.Sample(THREAD, DECIDED - 4, List.of(ProfiledDecisions.REFERENCE_FRAME)));

        assertThat(ProfiledDecisions.samplesOf(decision, samples)).isEqualTo(2);
    }

    @Test
    void shouldNotJudgeWorkTooShortForItsMissingSamplesToSayAnything() {
        ProfiledDecisions.Charged decision = ProfiledDecisions.charged(List.of(traced(THREAD, DECIDED, 1_500, 1_500, 0, 0)), 1).get(0);

        assertThat(new ProfiledDecisions.Row(decision, 0, 1.5).underSampled()).isFalse();
        assertThat(new ProfiledDecisions.Row(decision, 0, 1.5).verdict()).isEqualTo("too short to tell");
        assertThat(new ProfiledDecisions.Row(decision, 1, 12).underSampled()).isTrue();
        assertThat(new ProfiledDecisions.Row(decision, 4, 12).underSampled()).isFalse();
    }

    @Test
    void shouldRefuseATraceThatDoesNotSayWhichThreadDecidedWhen() {
        ObjectNode old = (ObjectNode) traced(THREAD, DECIDED, 12_000, 12_000, 0, 0);
        old.remove("thread_id");

        assertThatThrownBy(() -> ProfiledDecisions.charged(List.of(old), 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--trace again");
    }

    @Test
    void shouldFindSamplesOfWorkThatRanAndNoneOfCpuTimeChargedToAThreadThatDidNotRun(@TempDir Path tmp) throws Exception {
        Path recording = tmp.resolve("run.jfr");
        JsonNode[] lines = new JsonNode[2];
        try (Recording r = new Recording()) {
            r.enable("jdk.ExecutionSample").withPeriod(SAMPLING);
            r.start();
            Thread working = new Thread(() -> lines[0] = runReferenceWork());
            Thread sleeping = new Thread(() -> lines[1] = sleepButClaimTheCpuTime());
            working.start();
            sleeping.start();
            working.join();
            sleeping.join();
            r.stop();
            r.dump(recording);
        }
        Path trace = tmp.resolve("trace.jsonl");
        Files.write(trace, List.of(JSON.writeValueAsString(lines[0]), JSON.writeValueAsString(lines[1])));

        ProfiledDecisions.Result result = ProfiledDecisions.check(trace, recording, 1, OptionalDouble.of(SAMPLING.toMillis()));

        assertThat(result.rows()).hasSize(2);
        ProfiledDecisions.Row ran = result.rows().get(0);
        ProfiledDecisions.Row claimed = result.rows().get(1);
        assertThat(ran.samples()).as("the thread that ran the work was sampled in it").isPositive();
        assertThat(ran.underSampled()).isFalse();
        assertThat(claimed.samples()).as("a sleeping thread is never sampled").isZero();
        assertThat(claimed.underSampled()).isTrue();
        assertThat(result.table()).contains("| reference | test |", "| ran |", "| charged, not run |", "Of the 2 long enough to tell", "1 were sampled at most 25 %");
    }

    /** Runs reference units for a while; traced as the reference unit after a (short) decision. */
    private static JsonNode runReferenceWork() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ReferenceWork work = new ReferenceWork();
        long started = System.currentTimeMillis();
        long startedNanos = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        while (System.currentTimeMillis() - started < RUN_MILLIS) {
            work.cpuNanos();
        }
        long cpuMicros = (threads.getCurrentThreadCpuTime() - cpu) / 1000;
        return traced(Thread.currentThread().getId(), started, 0, 0, cpuMicros, (System.nanoTime() - startedNanos) / 1000);
    }

    /** Sleeps as long, traced as if its thread had been charged the whole time as reference work. */
    private static JsonNode sleepButClaimTheCpuTime() {
        long started = System.currentTimeMillis();
        try {
            Thread.sleep(RUN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long micros = (System.currentTimeMillis() - started) * 1000;
        return traced(Thread.currentThread().getId(), started, 0, 0, micros, micros);
    }

    private static JsonNode traced(long thread, long decidedEpochMillis, double decisionCpuMicros, double decisionMicros, double referenceCpuMicros,
                                   double referenceMicros) {
        return JSON.createObjectNode().put("policy", "test").put("streams", 1).put("round", 0).put("camera", 0).put("frame", 7).put("thread_id", thread)
                .put("decided_epoch_ms", decidedEpochMillis).put("decision_cpu_us", decisionCpuMicros).put("decision_us", decisionMicros)
                .put("reference_cpu_us", referenceCpuMicros).put("reference_us", referenceMicros);
    }
}
