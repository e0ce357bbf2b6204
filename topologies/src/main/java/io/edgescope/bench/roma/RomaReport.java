package io.edgescope.bench.roma;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgescope.eval.policy.PolicyRun;
import io.edgescope.eval.policy.RetentionCalibration;
import io.edgescope.roma.AccuracyProfile;
import io.edgescope.roma.VariantAccuracy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** Tables, JSON and a chart of a {@link RomaBenchmark.Result}. */
public final class RomaReport {

    private static final int WIDTH = 1100;
    private static final int HEIGHT = 500;
    private static final double PERCENT = 100;

    private RomaReport() {
    }

    /** Markdown tables: profile, latencies, real-time AP50 per scenario and policy, ROMA's variant use under contention. */
    public static String tables(RomaBenchmark.Result r) {
        StringBuilder b = new StringBuilder();
        AccuracyProfile p = r.profile();
        b.append("Offline profile (AP50 by relative object size; size = sqrt(area) / longer frame side), idle latency:\n\n| variant |");
        for (int i = 0; i < p.buckets().count(); i++) {
            b.append(' ').append(p.buckets().name(i)).append(" |");
        }
        b.append(" all | latency ms |\n|---|").append("---|".repeat(p.buckets().count() + 2)).append('\n');
        for (VariantAccuracy v : p.variants().values()) {
            b.append("| ").append(v.variantId()).append(" |");
            for (double ap : v.ap50BySize()) {
                b.append(Double.isNaN(ap) ? " n/a |" : String.format(Locale.ROOT, " %.3f |", ap));
            }
            b.append(String.format(Locale.ROOT, " %.3f | %.1f |%n", v.ap50(), v.latencyMillis()));
        }
        b.append("\nTOD's calibrated choice per size bucket: ").append(r.todBySize()).append("\n\nMedian latency (ms) per load condition:\n\n| variant |");
        r.medianLatency().keySet().forEach(c -> b.append(' ').append(c).append(" |"));
        b.append("\n|---|").append("---|".repeat(r.medianLatency().size())).append('\n');
        for (String id : p.variants().keySet()) {
            b.append("| ").append(id).append(" |");
            r.medianLatency().values().forEach(m -> b.append(String.format(Locale.ROOT, " %.1f |", m.get(id))));
            b.append('\n');
        }
        RetentionCalibration.Fit fit = r.calibration();
        b.append(String.format(Locale.ROOT, "%nDegradation fitted to the %d fixed-variant runs of the static and contention scenarios: "
                + "stale-box IoU %.2f, exponent %.1f (RMS error of the kept-AP share %.3f; %.3f with the settings given)%s.%n",
                fit.samples(), fit.iouThreshold(), fit.exponent(), fit.rmse(), fit.rmseBefore(),
                r.calibrated() ? "; ROMA below runs with the fitted values" : "; not applied (--no-calibrate)"));
        b.append("\nReal-time AP50 per scenario and policy (same latency draws for every policy):\n\n| scenario | kind | fps |");
        RomaBenchmark.ScenarioResult first = r.scenarios().get(0);
        first.fixedPolicies().forEach(f -> b.append(' ').append(f.substring(f.indexOf(':') + 1)).append(" |"));
        b.append(" fits-interval | tod | roma | oracle | roma / best fixed | roma / oracle |\n|---|---|---|")
                .append("---|".repeat(first.fixedPolicies().size() + 6)).append('\n');
        for (RomaBenchmark.ScenarioResult s : r.scenarios()) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %.0f |", s.name(), s.kind(), s.fps()));
            s.fixedPolicies().forEach(f -> b.append(String.format(Locale.ROOT, " %.3f |", s.run(f).ap50())));
            double roma = s.run(RomaBenchmark.ROMA).ap50();
            b.append(String.format(Locale.ROOT, " %.3f | %.3f | **%.3f** | %.3f | %+.1f%% | %.1f%% |%n", s.run(RomaBenchmark.FITS).ap50(),
                    s.run(RomaBenchmark.TOD).ap50(), roma, s.run(RomaBenchmark.ORACLE).ap50(),
                    PERCENT * (roma / s.bestFixed().ap50() - 1), PERCENT * roma / s.run(RomaBenchmark.ORACLE).ap50()));
        }
        for (String kind : List.of(RomaScenarios.STATIC, RomaScenarios.DYNAMIC, RomaScenarios.CONTENTION)) {
            List<RomaBenchmark.ScenarioResult> of = r.scenarios().stream().filter(x -> x.kind().equals(kind)).toList();
            if (of.isEmpty()) {
                continue;
            }
            b.append(String.format(Locale.ROOT, "| **mean of %d %s** | | |", of.size(), kind));
            first.fixedPolicies().forEach(f -> b.append(String.format(Locale.ROOT, " %.3f |", mean(of, f))));
            double roma = mean(of, RomaBenchmark.ROMA);
            double bestSingle = first.fixedPolicies().stream().mapToDouble(f -> mean(of, f)).max().orElse(Double.NaN);
            b.append(String.format(Locale.ROOT, " %.3f | %.3f | **%.3f** | %.3f | %+.1f%% (vs best single variant) | %.1f%% |%n",
                    mean(of, RomaBenchmark.FITS), mean(of, RomaBenchmark.TOD), roma, mean(of, RomaBenchmark.ORACLE),
                    PERCENT * (roma / bestSingle - 1), PERCENT * roma / mean(of, RomaBenchmark.ORACLE)));
        }
        b.append("\nWhat ROMA's run-time estimates cost: ROMA replayed with the true offline AP50 of each content segment instead of its "
                + "size model, with that of the whole sequence being watched (a perfect scene classifier), with the latencies measured "
                + "under the load of each moment instead of its tracker, and with segment and load both (same latency draws):\n\n"
                + "| scenario | kind | roma | known content | known sequence | known load | both known | oracle |\n|---|---|---|---|---|---|---|---|\n");
        for (RomaBenchmark.ScenarioResult s : r.scenarios()) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", s.name(), s.kind(), s.run(RomaBenchmark.ROMA).ap50(),
                    s.run(RomaBenchmark.ROMA_KNOWN_CONTENT).ap50(), s.run(RomaBenchmark.ROMA_KNOWN_SEQUENCE).ap50(), s.run(RomaBenchmark.ROMA_KNOWN_LOAD).ap50(),
                    s.run(RomaBenchmark.ROMA_KNOWN_BOTH).ap50(), s.run(RomaBenchmark.ORACLE).ap50()));
        }
        b.append(unseenSequences(r));
        if (r.bySeed().size() > 1) {
            b.append(seedSummary(r));
        }
        b.append("\nROMA per scenario: frames processed per variant, switches, dropped frames, decision time (wall clock, and the CPU time of the deciding thread):\n\n"
                + "| scenario | variants used (frames) | switches | dropped | decisions | mean decision µs | max decision µs | max decision CPU µs |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (RomaBenchmark.ScenarioResult s : r.scenarios()) {
            PolicyRun roma = s.run(RomaBenchmark.ROMA);
            DecisionTimes t = s.decisionTimes();
            b.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f%% | %d | %.1f | %.1f | %.1f |%n", s.name(), roma.processedByVariant(),
                    roma.switches(), PERCENT * roma.droppedFraction(), t.decisions(), t.meanMicros(), t.maxMicros(), t.cpu().maxMicros()));
        }
        return b.toString();
    }

    /** The static scenarios replayed with a profile that never saw their sequence (empty with a single sequence). */
    private static String unseenSequences(RomaBenchmark.Result r) {
        List<RomaBenchmark.ScenarioResult> of = r.scenarios().stream().filter(s -> s.runs().containsKey(RomaBenchmark.ROMA_UNSEEN_SEQUENCE)).toList();
        if (of.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("\nStatic scenarios with ROMA's profile measured without the scenario's sequence and its smaller "
                + "version (a scene the profile has never seen):\n\n| scenario | best fixed | roma | roma, sequence unseen | unseen / best fixed |\n"
                + "|---|---|---|---|---|\n");
        for (RomaBenchmark.ScenarioResult s : of) {
            double unseen = s.run(RomaBenchmark.ROMA_UNSEEN_SEQUENCE).ap50();
            b.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %+.1f%% |%n", s.name(), s.bestFixed().ap50(), s.run(RomaBenchmark.ROMA).ap50(),
                    unseen, PERCENT * (unseen / s.bestFixed().ap50() - 1)));
        }
        return b.toString();
    }

    /** ROMA against the best fixed variant, the better heuristic and the oracle, per scenario over every seed of the latency draws. */
    private static String seedSummary(RomaBenchmark.Result r) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%nOver %d seeds of the latency draws (same measured latencies): "
                + "ROMA's real-time AP50 relative to each, mean (lowest … highest):%n%n"
                + "| scenario | kind | roma (mean) | vs best fixed | vs the better of fits-interval and TOD | vs the oracle |%n|---|---|---|---|---|---|%n",
                r.bySeed().size()));
        for (int i = 0; i < r.scenarios().size(); i++) {
            List<RomaBenchmark.ScenarioResult> runs = acrossSeeds(r, i);
            b.append(OverSeeds.of(runs).row(runs.get(0).name(), runs.get(0).kind()));
        }
        for (String kind : List.of(RomaScenarios.STATIC, RomaScenarios.DYNAMIC, RomaScenarios.CONTENTION)) {
            List<RomaBenchmark.ScenarioResult> runs = r.bySeed().stream().flatMap(List::stream).filter(s -> s.kind().equals(kind)).toList();
            if (!runs.isEmpty()) {
                b.append(OverSeeds.of(runs).row("**every " + kind + " scenario and seed**", ""));
            }
        }
        return b.toString();
    }

    /** Scenario {@code index} as replayed with each seed. */
    private static List<RomaBenchmark.ScenarioResult> acrossSeeds(RomaBenchmark.Result r, int index) {
        return r.bySeed().stream().map(seed -> seed.get(index)).toList();
    }

    private static double betterHeuristic(RomaBenchmark.ScenarioResult s) {
        return Math.max(s.run(RomaBenchmark.FITS).ap50(), s.run(RomaBenchmark.TOD).ap50());
    }

    /** ROMA's mean real-time AP50 over some replays, and its spread against the best fixed variant, the better heuristic and the oracle. */
    private record OverSeeds(double romaMean, Spread vsBestFixed, Spread vsBetterHeuristic, Spread vsOracle) {

        static OverSeeds of(List<RomaBenchmark.ScenarioResult> runs) {
            return new OverSeeds(runs.stream().mapToDouble(s -> s.run(RomaBenchmark.ROMA).ap50()).average().orElse(Double.NaN),
                    Spread.of(runs, s -> s.bestFixed().ap50()), Spread.of(runs, RomaReport::betterHeuristic),
                    Spread.of(runs, s -> s.run(RomaBenchmark.ORACLE).ap50()));
        }

        String row(String label, String kind) {
            return String.format(Locale.ROOT, "| %s | %s | %.3f | %s | %s | %s |%n", label, kind, romaMean, vsBestFixed, vsBetterHeuristic, vsOracle);
        }

        void into(ObjectNode o) {
            o.put("roma_mean", romaMean);
            vsBestFixed.into(o, "vs_best_fixed");
            vsBetterHeuristic.into(o, "vs_better_heuristic");
            vsOracle.into(o, "vs_oracle");
        }
    }

    /** ROMA relative to another policy over the seeds, in signed percent. */
    private record Spread(double mean, double min, double max) {

        static Spread of(List<RomaBenchmark.ScenarioResult> runs, ToDoubleFunction<RomaBenchmark.ScenarioResult> other) {
            DoubleSummaryStatistics st = runs.stream()
                    .mapToDouble(s -> PERCENT * (s.run(RomaBenchmark.ROMA).ap50() / other.applyAsDouble(s) - 1)).summaryStatistics();
            return new Spread(st.getAverage(), st.getMin(), st.getMax());
        }

        void into(ObjectNode o, String name) {
            o.put(name + "_mean_pct", mean).put(name + "_min_pct", min).put(name + "_max_pct", max);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%+.1f %% (%+.1f … %+.1f)", mean, min, max);
        }
    }

    private static double mean(List<RomaBenchmark.ScenarioResult> scenarios, String policy) {
        return scenarios.stream().mapToDouble(s -> s.run(policy).ap50()).average().orElse(Double.NaN);
    }

    /** One object per scenario: scenario, dynamic, roma, best_fixed, fits_interval, tod, oracle, per_variant, and more. */
    public static ArrayNode json(RomaBenchmark.Result r) {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode out = mapper.createArrayNode();
        for (int index = 0; index < r.scenarios().size(); index++) {
            RomaBenchmark.ScenarioResult s = r.scenarios().get(index);
            RetentionCalibration.Fit fit = r.calibration();
            ObjectNode o = out.addObject().put("scenario", s.name()).put("kind", s.kind()).put("dynamic", s.dynamic()).put("fps", s.fps())
                    .put("frames", s.frames()).put("roma", s.run(RomaBenchmark.ROMA).ap50()).put("best_fixed", s.bestFixed().ap50())
                    .put("best_fixed_variant", s.bestFixed().policy().substring(s.bestFixed().policy().indexOf(':') + 1))
                    .put("fits_interval", s.run(RomaBenchmark.FITS).ap50()).put("tod", s.run(RomaBenchmark.TOD).ap50())
                    .put("oracle", s.run(RomaBenchmark.ORACLE).ap50()).put("roma_switches", s.run(RomaBenchmark.ROMA).switches())
                    .put("roma_known_content", s.run(RomaBenchmark.ROMA_KNOWN_CONTENT).ap50())
                    .put("roma_known_sequence", s.run(RomaBenchmark.ROMA_KNOWN_SEQUENCE).ap50())
                    .put("roma_known_load", s.run(RomaBenchmark.ROMA_KNOWN_LOAD).ap50())
                    .put("roma_known_both", s.run(RomaBenchmark.ROMA_KNOWN_BOTH).ap50())
                    .put("roma_decision_mean_us", s.decisionTimes().meanMicros()).put("roma_decision_max_us", s.decisionTimes().maxMicros())
                    .put("roma_decision_max_cpu_us", s.decisionTimes().cpu().maxMicros())
                    .put("roma_stale_iou", fit.iouThreshold()).put("roma_retention_exponent", fit.exponent()).put("roma_calibrated", r.calibrated());
            if (s.runs().containsKey(RomaBenchmark.ROMA_UNSEEN_SEQUENCE)) {
                o.put("roma_unseen_sequence", s.run(RomaBenchmark.ROMA_UNSEEN_SEQUENCE).ap50());
            }
            ObjectNode per = o.putObject("per_variant");
            s.fixedPolicies().forEach(f -> per.put(f.substring(f.indexOf(':') + 1), s.run(f).ap50()));
            ObjectNode parts = o.putObject("parts");
            s.run(RomaBenchmark.ROMA).ap50ByPart().forEach((part, ap) -> {
                ObjectNode p = parts.putObject(part).put("roma", ap).put("oracle", s.run(RomaBenchmark.ORACLE).ap50ByPart().get(part));
                s.fixedPolicies().forEach(f -> p.put(f.substring(f.indexOf(':') + 1), s.run(f).ap50ByPart().get(part)));
            });
            ObjectNode used = o.putObject("roma_frames_by_variant");
            s.run(RomaBenchmark.ROMA).processedByVariant().forEach(used::put);
            if (r.bySeed().size() > 1) {
                List<RomaBenchmark.ScenarioResult> runs = acrossSeeds(r, index);
                OverSeeds.of(runs).into(o.putObject("over_seeds").put("seeds", runs.size()));
            }
        }
        return out;
    }

    /** Every ROMA decision of every scenario as JSON lines, with the load and segment of the moment (which ROMA was not told). */
    public static void trace(RomaBenchmark.Result r, Path file) {
        ObjectMapper mapper = new ObjectMapper();
        try (java.io.BufferedWriter out = java.nio.file.Files.newBufferedWriter(file)) {
            for (RomaBenchmark.ScenarioResult s : r.scenarios()) {
                for (io.edgescope.roma.Decision d : s.decisions()) {
                    int frame = (int) Math.max(0, d.frameIndex());
                    ObjectNode o = mapper.createObjectNode().put("scenario", s.name()).put("frame", d.frameIndex())
                            .put("time_ms", s.timeline().arrivalMillis(frame)).put("part", s.timeline().partOf(frame));
                    out.write(mapper.writeValueAsString(decision(o, d)));
                    out.newLine();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Adds a decision's reason, variants, load, object speed, size shares and every candidate's estimate to {@code o}. */
    static ObjectNode decision(ObjectNode o, io.edgescope.roma.Decision d) {
        o.put("reason", d.reason()).put("from", d.previousId()).put("to", d.variantId()).put("load_factor", d.loadFactor())
                .put("median_speed", d.medianSpeed()).put("decision_us", d.decisionNanos() / RomaBenchmark.NANOS_PER_MICRO)
                .put("decision_cpu_us", d.decisionCpuNanos() / RomaBenchmark.NANOS_PER_MICRO);
        ArrayNode sizes = o.putArray("sizes");
        if (d.sizes() != null) {
            for (double v : d.sizes()) {
                sizes.add(v);
            }
        }
        ObjectNode est = o.putObject("estimates");
        d.estimates().forEach(e -> est.putObject(e.variantId()).put("ap", e.expectedAp()).put("latency_ms", e.latencyMillis())
                .put("retention", e.retention()).put("realtime_ap", e.realtimeAp())
                .put("others_ap_change", d.othersApChange().getOrDefault(e.variantId(), 0.0)));
        return o;
    }

    /** Bar chart of real-time AP50 per scenario for best fixed, fits-interval, TOD, ROMA and oracle. */
    public static void chart(RomaBenchmark.Result r, Path file) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("Real-time AP50 per scenario")
                .xAxisTitle("scenario").yAxisTitle("real-time AP50").build();
        List<String> names = r.scenarios().stream().map(RomaBenchmark.ScenarioResult::name).toList();
        Map<String, Function<RomaBenchmark.ScenarioResult, Double>> series = new LinkedHashMap<>();
        series.put("best fixed", s -> s.bestFixed().ap50());
        series.put(RomaBenchmark.FITS, s -> s.run(RomaBenchmark.FITS).ap50());
        series.put(RomaBenchmark.TOD, s -> s.run(RomaBenchmark.TOD).ap50());
        series.put(RomaBenchmark.ROMA, s -> s.run(RomaBenchmark.ROMA).ap50());
        series.put(RomaBenchmark.ORACLE, s -> s.run(RomaBenchmark.ORACLE).ap50());
        series.forEach((name, f) -> chart.addSeries(name, names, new ArrayList<>(r.scenarios().stream().map(f).toList())));
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setXAxisLabelRotation(30);
        try {
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
