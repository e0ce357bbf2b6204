package io.edgescope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgescope.app.TopicDetections;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.eval.ApResult;
import io.edgescope.eval.AreaRange;
import io.edgescope.eval.DetectionSet;
import io.edgescope.eval.EvaluationReport;
import io.edgescope.eval.MotSequence;
import io.edgescope.eval.SequenceEvaluation;
import io.edgescope.report.EvaluationReportWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** AP and real-time AP of detections against a labelled MOTChallenge sequence. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score detections (JSON Lines from detect, MOTChallenge det.txt, or live from the detections topic) "
                + "against a labelled sequence: COCO-style AP50 and AP, by object size, and real-time AP: what a viewer "
                + "sees (--realtime replays a file at the sequence's fps; --stream uses the real timestamps).")
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--gt", required = true, paramLabel = "SEQ_DIR", description = "MOTChallenge sequence folder (seqinfo.ini, gt/gt.txt).")
    Path sequence;

    @Mixin
    CommonOptions common;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** Where the detections come from. */
    static final class Source {
        @Option(names = "--detections", required = true, split = ",", paramLabel = "FILE",
                description = "Detections: .jsonl from detect, or det.txt (MOT); several (comma-separated) compare variants.")
        List<Path> files;

        @Option(names = "--stream", required = true, paramLabel = "ID",
                description = "Live: this stream's records on the detections topic (the sequence ingested as ID), scored as they were shown.")
        String stream;
    }

    @Option(names = "--idle-seconds", defaultValue = "5", paramLabel = "S",
            description = "Live: stop reading the topic after S seconds without new records (default: ${DEFAULT-VALUE}).")
    int idleSeconds;

    @Option(names = "--label", defaultValue = "person", description = "Class evaluated in JSON Lines input (default: ${DEFAULT-VALUE}).")
    String label;

    @Option(names = "--realtime", description = "Also replay the stream in time with the measured per-frame latencies.")
    boolean realtime;

    @Option(names = "--latency-ms", paramLabel = "MS", defaultValue = "-1",
            description = "With --realtime: one fixed detector latency instead of the measured ones (needed for det.txt).")
    double latencyMs;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write DIR/report.md with PNG charts (AP by size; real-time AP50 vs fps and latency CDF when latencies are known).")
    Path reportDir;

    @Option(names = "--size-edges", split = ",", paramLabel = "PX",
            description = "Finer size buckets by box side in pixels, e.g. 16,32,64,128 (default: COCO's small/medium/large).")
    List<Double> sizeEdges;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        MotSequence seq = MotSequence.load(sequence);
        if (source.files != null && source.files.size() > 1) {
            return compare(seq);
        }
        EvaluationReport report;
        DetectionSet dets;
        if (source.files != null) {
            dets = DetectionSet.read(source.files.get(0), label);
            report = SequenceEvaluation.evaluate(seq, dets, realtime, latencyMs, buckets());
        } else {
            EdgeScopeConfig config = common.reachableClientConfig();
            TopicDetections live = TopicDetections.read(config, source.stream, label, Duration.ofSeconds(idleSeconds));
            dets = live.detections();
            report = SequenceEvaluation.evaluateLive(seq, dets, live.arrivalMillis(), live.finishMillis());
        }
        if (reportDir != null) {
            boolean timed = latencyMs >= 0 || dets.latencyMillis().size() == seq.length();
            Map<Double, Double> byFps = timed
                    ? SequenceEvaluation.realtimeAp50ByFps(seq, dets, EvaluationReportWriter.chartRates(), latencyMs) : Map.of();
            EvaluationReportWriter.write(reportDir, report, byFps, List.copyOf(dets.latencyMillis().values()));
        }
        System.out.println(json ? json(report) : table(report));
        return 0;
    }

    private int compare(MotSequence seq) throws Exception {
        List<EvaluationReport> reports = new java.util.ArrayList<>();
        for (Path file : source.files) {
            reports.add(SequenceEvaluation.evaluate(seq, DetectionSet.read(file, label), realtime, latencyMs, buckets()));
        }
        if (json) {
            com.fasterxml.jackson.databind.node.ArrayNode array = new ObjectMapper().createArrayNode();
            for (EvaluationReport r : reports) {
                array.add(jsonNode(r));
            }
            System.out.println(array);
        } else {
            reports.forEach(r -> System.out.println(table(r)));
        }
        if (reportDir != null) {
            EvaluationReportWriter.writeComparison(reportDir, reports);
        }
        return 0;
    }

    private List<AreaRange> buckets() {
        return sizeEdges == null ? AreaRange.COCO : AreaRange.fromSideEdges(sizeEdges);
    }

    static String json(EvaluationReport r) {
        return jsonNode(r).toString();
    }

    static ObjectNode jsonNode(EvaluationReport r) {
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("variant", r.variant());
        node.put("sequence", r.sequence()).put("ground_truth", r.groundTruthNote()).put("frames", r.frames()).put("ap50", r.offline().ap50()).put("ap", r.offline().ap());
        ObjectNode bySize = node.putObject("ap50_by_size");
        r.offline().ap50BySize().forEach((size, ap) -> {
            if (Double.isNaN(ap)) {
                bySize.putNull(size);
            } else {
                bySize.put(size, ap);
            }
        });
        if (r.realtime() != null) {
            node.put("realtime_ap50", r.realtime().ap50()).put("realtime_ap", r.realtime().ap())
                    .put("dropped_fraction", r.droppedFraction()).put("mean_staleness_frames", r.meanStalenessFrames());
        }
        return node;
    }

    static String table(EvaluationReport r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s, %s: %d frames, %d objects in the truth, %d detections (%s)%n%n", r.sequence(),
                r.variant(), r.frames(), r.offline().groundTruth(), r.offline().detections(), r.groundTruthNote()));
        b.append("| metric | value |\n|---|---|\n");
        row(b, "AP50", r.offline().ap50());
        row(b, "AP (0.50:0.95)", r.offline().ap());
        for (Map.Entry<String, Double> e : r.offline().ap50BySize().entrySet()) {
            if (!"all".equals(e.getKey())) {
                row(b, "AP50 " + e.getKey(), e.getValue());
            }
        }
        ApResult rt = r.realtime();
        if (rt != null) {
            row(b, "real-time AP50", rt.ap50());
            row(b, "real-time AP", rt.ap());
            row(b, "dropped frames (%)", 100 * r.droppedFraction());
            row(b, "mean staleness (frames)", r.meanStalenessFrames());
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String name, double value) {
        b.append(String.format(Locale.ROOT, "| %s | %s |%n", name, Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.4f", value)));
    }
}
