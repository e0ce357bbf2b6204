package io.edgescope.bench.roma;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** Tables and JSON of a {@link LiveContention.Result}. */
public final class LiveContentionReport {

    private static final double PERCENT = 100;
    private static final List<String> ROMA_POLICIES = List.of(LiveContention.ROMA_ALONE, RomaBenchmark.ROMA);

    private LiveContentionReport() {
    }

    /** Markdown: real-time AP50 per policy and number of streams, ROMA against the others, and what each policy ran. */
    public static String tables(LiveContention.Result r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Live contention: every stream runs the policy, %d frames each at %.0f fps, detected for real "
                + "(mean of %d round(s); all streams' frames pooled); ONNX Runtime threads per inference: %s:%n%n| policy |", r.framesPerStream(),
                r.fps(), r.rounds(), threads(r)));
        r.cells().keySet().forEach(n -> b.append(' ').append(n).append(n == 1 ? " stream |" : " streams |"));
        b.append("\n|---|").append("---|".repeat(r.cells().size())).append('\n');
        for (String policy : r.policies()) {
            b.append("| ").append(policy).append(" |");
            r.cells().values().forEach(byPolicy -> b.append(cellAp(byPolicy.get(policy))));
            b.append('\n');
        }
        b.append("| **roma / best fixed** |");
        r.cells().forEach((n, byPolicy) -> b.append(relative(byPolicy.get(RomaBenchmark.ROMA).ap50(), r.bestFixed(n).ap50())));
        b.append("\n| **roma / best fixed, round by round (mean ± standard error)** |");
        r.cells().forEach((n, byPolicy) -> b.append(paired(byPolicy.get(RomaBenchmark.ROMA).against(r.bestFixed(n)))));
        b.append("\n| **roma / better of fits-interval and TOD** |");
        r.cells().values().forEach(byPolicy -> b.append(relative(byPolicy.get(RomaBenchmark.ROMA).ap50(),
                Math.max(byPolicy.get(RomaBenchmark.FITS).ap50(), byPolicy.get(RomaBenchmark.TOD).ap50()))));
        b.append("\n| **roma / roma-alone (what sharing the cores adds)** |");
        r.cells().values().forEach(byPolicy -> b.append(relative(byPolicy.get(RomaBenchmark.ROMA).ap50(),
                byPolicy.get(LiveContention.ROMA_ALONE).ap50())));
        b.append("\n\nEach fixed variant on the same frames with every frame detected at once (no staleness: what the cameras' content alone "
                + "gives it), the share of that it kept live, and the share ROMA, watching it, expected it to keep (its estimated retention, "
                + "mean over its decisions):\n\n| policy |");
        r.cells().keySet().forEach(n -> b.append(' ').append(n).append(n == 1 ? " stream |" : " streams |"));
        b.append("\n|---|").append("---|".repeat(r.cells().size())).append('\n');
        for (String policy : r.fixedPolicies()) {
            b.append("| ").append(policy).append(" |");
            r.cells().forEach((n, byPolicy) -> {
                double offline = r.offline().get(n).get(policy);
                b.append(String.format(Locale.ROOT, " %.3f (%.0f %%; expected %s) |", offline, PERCENT * byPolicy.get(policy).ap50() / offline,
                        share(r.forecastShare(policy, n))));
            });
            b.append('\n');
        }
        b.append("\nWhat ran (all streams and rounds): share of the arrived frames processed, mean detector latency, frames per variant, "
                + "variant switches:\n\n| streams | policy | processed | mean detector ms | variants used (frames) | switches |\n|---|---|---|---|---|---|\n");
        r.cells().forEach((n, byPolicy) -> byPolicy.values().forEach(c -> b.append(String.format(Locale.ROOT, "| %d | %s | %.0f %% | %.1f | %s | %d |%n",
                n, c.policy(), PERCENT * c.processedShare(), c.meanLatencyMillis(), c.processedByVariant(), c.switches()))));
        b.append("\nROMA's decision time, µs, every camera and round: the deciding thread's CPU time (median, 99th percentile, maximum, "
                + "decisions over 1 ms), the longest wall-clock time (which includes preemption by the detectors' threads), and the CPU "
                + "time of a fixed piece of work each camera's thread ran right after each decision (reference: what the host "
                + "alone made of the same work at the same moments):\n\n"
                + "| streams | policy | decisions | median CPU | p99 CPU | max CPU | over 1 ms | max wall clock | reference median CPU "
                + "| reference max CPU | reference over 1 ms |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        r.cells().keySet().forEach(n -> ROMA_POLICIES.forEach(policy -> {
            DecisionTimes t = r.decisionTimes(policy, n);
            CpuTimes ref = r.referenceTimes(policy, n);
            b.append(String.format(Locale.ROOT, "| %d | %s | %d | %.0f | %.0f | %.0f | %d | %.0f | %.0f | %.0f | %d |%n", n, policy, t.decisions(),
                    t.cpu().medianMicros(), t.cpu().p99Micros(), t.cpu().maxMicros(), t.cpu().overMillisecond(), t.maxMicros(),
                    ref.medianMicros(), ref.maxMicros(), ref.overMillisecond()));
        }));
        List<Integer> shared = r.cells().keySet().stream().filter(n -> r.contentionSlowdown(r.fixedPolicies().get(0), n).isPresent()).toList();
        if (!shared.isEmpty()) {
            b.append("\nContention slowdown each fixed variant showed (what `roma.contention.slowdown` models: (mean latency with n cameras / "
                    + "latency alone on the host with the same threads per inference, measured at the start - 1) / the other cameras' "
                    + "summed duty cycles):\n\n| policy |");
            shared.forEach(n -> b.append(' ').append(n).append(" streams |"));
            b.append("\n|---|").append("---|".repeat(shared.size())).append('\n');
            for (String policy : r.fixedPolicies()) {
                b.append("| ").append(policy).append(" |");
                shared.forEach(n -> b.append(String.format(Locale.ROOT, " %.2f |", r.contentionSlowdown(policy, n).orElseThrow())));
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** "2 with 1 stream, 1 with 2 streams, …". */
    private static String threads(LiveContention.Result r) {
        return String.join(", ", r.cells().keySet().stream()
                .map(n -> r.threadsPerInference().get(n) + " with " + n + (n == 1 ? " stream" : " streams")).toList());
    }

    /**
     * One object per number of streams: streams, threads_per_inference (ONNX Runtime threads each inference had), per_policy
     * (policy → real-time AP50), per_policy_rounds (policy → each round's), roma, roma_alone, best_fixed, best_fixed_policy, roma_vs_best_fixed_by_round (mean_percent, standard_error_percent — null with
     * one round — and rounds: {@link PairedChange}), fits_interval, tod, contention_slowdown (fixed policy → the slowdown its
     * latency showed against its latency alone with the same threads; empty for one stream), roma_decision_us (roma and
     * roma-alone → decisions, median_cpu, p99_cpu, max_cpu, over_1ms_cpu, max_wall, and the same for the reference work run after
     * each decision: reference_median_cpu, reference_max_cpu, reference_over_1ms_cpu), offline (fixed policy → AP50 on the same frames with no
     * staleness), expected_share (fixed policy → the share of that ROMA, watching it, expected it to keep), roma_variants.
     */
    public static ArrayNode json(LiveContention.Result r) {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode out = mapper.createArrayNode();
        r.cells().forEach((n, byPolicy) -> {
            ObjectNode o = out.addObject();
            o.put("streams", n);
            o.put("threads_per_inference", r.threadsPerInference().get(n));
            ObjectNode per = o.putObject("per_policy");
            byPolicy.forEach((name, c) -> per.put(name, c.ap50()));
            ObjectNode rounds = o.putObject("per_policy_rounds");
            byPolicy.forEach((name, c) -> c.ap50PerRound().forEach(rounds.putArray(name)::add));
            o.put("roma", byPolicy.get(RomaBenchmark.ROMA).ap50());
            o.put("roma_alone", byPolicy.get(LiveContention.ROMA_ALONE).ap50());
            o.put("best_fixed", r.bestFixed(n).ap50());
            o.put("best_fixed_policy", r.bestFixed(n).policy());
            PairedChange change = byPolicy.get(RomaBenchmark.ROMA).against(r.bestFixed(n));
            ObjectNode paired = o.putObject("roma_vs_best_fixed_by_round").put("mean_percent", change.meanPercent()).put("rounds", change.rounds());
            if (Double.isNaN(change.standardErrorPercent())) {
                paired.putNull("standard_error_percent");
            } else {
                paired.put("standard_error_percent", change.standardErrorPercent());
            }
            o.put("fits_interval", byPolicy.get(RomaBenchmark.FITS).ap50());
            o.put("tod", byPolicy.get(RomaBenchmark.TOD).ap50());
            ObjectNode slowdown = o.putObject("contention_slowdown");
            r.fixedPolicies().forEach(p -> r.contentionSlowdown(p, n).ifPresent(v -> slowdown.put(p, v)));
            ObjectNode times = o.putObject("roma_decision_us");
            ROMA_POLICIES.forEach(policy -> {
                DecisionTimes t = r.decisionTimes(policy, n);
                CpuTimes ref = r.referenceTimes(policy, n);
                times.putObject(policy).put("decisions", t.decisions()).put("median_cpu", t.cpu().medianMicros()).put("p99_cpu", t.cpu().p99Micros())
                        .put("max_cpu", t.cpu().maxMicros()).put("over_1ms_cpu", t.cpu().overMillisecond()).put("max_wall", t.maxMicros())
                        .put("reference_median_cpu", ref.medianMicros()).put("reference_max_cpu", ref.maxMicros())
                        .put("reference_over_1ms_cpu", ref.overMillisecond());
            });
            ObjectNode offline = o.putObject("offline");
            r.offline().get(n).forEach(offline::put);
            ObjectNode expected = o.putObject("expected_share");
            r.fixedPolicies().forEach(p -> r.forecastShare(p, n).ifPresent(v -> expected.put(p, v)));
            ObjectNode used = o.putObject("roma_variants");
            byPolicy.get(RomaBenchmark.ROMA).processedByVariant().forEach(used::put);
        });
        return out;
    }

    /**
     * Every ROMA decision of the run as JSON Lines: policy, streams, round, camera, frame, the deciding thread's id, when the
     * decision returned (epoch ms), the reference unit's CPU and wall-clock time, then the decision and its estimates (a
     * fixed policy's are those of ROMA watching it).
     */
    public static void trace(LiveContention.Result r, Path file) {
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (LiveContention.CameraDecision c : r.decisions()) {
                ObjectNode o = mapper.createObjectNode().put("policy", c.policy()).put("streams", c.streams()).put("round", c.round()).put("camera", c.camera())
                        .put("frame", c.decision().frameIndex()).put("thread_id", c.moment().threadId())
                        .put("decided_epoch_ms", c.moment().decidedEpochMillis())
                        .put("reference_cpu_us", c.moment().referenceCpuNanos() / RomaBenchmark.NANOS_PER_MICRO)
                        .put("reference_us", c.moment().referenceNanos() / RomaBenchmark.NANOS_PER_MICRO);
                out.write(mapper.writeValueAsString(RomaReport.decision(o, c.decision())));
                out.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String cellAp(LiveContention.Cell c) {
        if (c.ap50PerRound().size() == 1) {
            return String.format(Locale.ROOT, " %.3f |", c.ap50());
        }
        double lo = c.ap50PerRound().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double hi = c.ap50PerRound().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, " %.3f (%.3f … %.3f) |", c.ap50(), lo, hi);
    }

    private static String share(OptionalDouble share) {
        return share.isPresent() ? String.format(Locale.ROOT, "%.0f %%", PERCENT * share.getAsDouble()) : "-";
    }

    private static String paired(PairedChange c) {
        return Double.isNaN(c.standardErrorPercent()) ? percent(c.meanPercent())
                : String.format(Locale.ROOT, " %+.1f ± %.1f %% |", c.meanPercent(), c.standardErrorPercent());
    }

    private static String relative(double value, double base) {
        return percent(PERCENT * (value / base - 1));
    }

    private static String percent(double change) {
        return String.format(Locale.ROOT, " %+.1f %% |", change);
    }
}
