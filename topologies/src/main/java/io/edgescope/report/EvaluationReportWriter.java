package io.edgescope.report;

import io.edgescope.eval.ApResult;
import io.edgescope.eval.EvaluationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes an evaluation as {@code report.md} plus PNG charts (AP by size, real-time AP vs fps, latency
 * CDF), or a comparison of variants with an AP-per-variant chart.
 */
public final class EvaluationReportWriter {

    static final String MARKDOWN = "report.md";
    static final String AP_BY_SIZE = "ap-by-size.png";
    static final String REALTIME_VS_FPS = "realtime-ap50-vs-fps.png";
    static final String LATENCY_CDF = "latency-cdf.png";
    static final String AP_PER_VARIANT = "ap-per-variant.png";
    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;
    private static final double PERCENT = 100.0;
    private static final String FRACTION_PATTERN = "0.0";

    private EvaluationReportWriter() {
    }

    /**
     * @param realtimeByFps real-time AP50 at several frame rates (empty: no chart)
     * @param latenciesMillis measured per-frame latencies (empty: no chart)
     */
    public static Path write(Path dir, EvaluationReport report, Map<Double, Double> realtimeByFps, List<Double> latenciesMillis) {
        try {
            Files.createDirectories(dir);
            StringBuilder md = new StringBuilder();
            md.append("# Evaluation: ").append(report.sequence()).append("\n\n");
            md.append(String.format(Locale.ROOT, "%d frames, %d objects in the truth, %d detections. Scored against %s.%n%n",
                    report.frames(), report.offline().groundTruth(), report.offline().detections(), report.groundTruthNote()));
            md.append("| metric | value |\n|---|---|\n");
            row(md, "AP50", report.offline().ap50());
            row(md, "AP (0.50:0.95)", report.offline().ap());
            if (report.realtime() != null) {
                row(md, "real-time AP50", report.realtime().ap50());
                row(md, "dropped frames (%)", PERCENT * report.droppedFraction());
                row(md, "mean staleness (frames)", report.meanStalenessFrames());
            }
            md.append("\n![AP by object size](").append(AP_BY_SIZE).append(")\n");
            save(apBySize(report.offline()), dir.resolve(AP_BY_SIZE));
            if (!realtimeByFps.isEmpty()) {
                save(realtimeVsFps(report.offline().ap50(), realtimeByFps), dir.resolve(REALTIME_VS_FPS));
                md.append("\n![Real-time AP50 vs camera fps](").append(REALTIME_VS_FPS).append(")\n");
            }
            if (!latenciesMillis.isEmpty()) {
                save(latencyCdf(latenciesMillis), dir.resolve(LATENCY_CDF));
                md.append("\n![Per-frame latency CDF](").append(LATENCY_CDF).append(")\n");
            }
            Path file = dir.resolve(MARKDOWN);
            Files.writeString(file, md);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write report to " + dir, e);
        }
    }

    /** A comparison of variants on one sequence: a markdown table and an AP-per-variant chart. */
    public static Path writeComparison(Path dir, List<EvaluationReport> reports) {
        try {
            Files.createDirectories(dir);
            EvaluationReport first = reports.get(0);
            StringBuilder md = new StringBuilder("# Variants on ").append(first.sequence()).append("\n\n");
            md.append("Scored against ").append(first.groundTruthNote()).append(".\n\n");
            md.append("| variant | AP50 | AP | real-time AP50 | dropped (%) |\n|---|---|---|---|---|\n");
            CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("AP per variant")
                    .xAxisTitle("variant").yAxisTitle("AP").build();
            List<String> names = new ArrayList<>();
            List<Double> ap50 = new ArrayList<>();
            List<Double> ap = new ArrayList<>();
            List<Double> realtimeAp50 = new ArrayList<>();
            for (EvaluationReport r : reports) {
                names.add(r.variant());
                ap50.add(r.offline().ap50());
                ap.add(r.offline().ap());
                double rt = r.realtime() == null ? Double.NaN : r.realtime().ap50();
                realtimeAp50.add(Double.isNaN(rt) ? 0 : rt);
                md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %s | %s |%n", r.variant(), r.offline().ap50(),
                        r.offline().ap(), r.realtime() == null ? "n/a" : String.format(Locale.ROOT, "%.4f", rt),
                        r.realtime() == null ? "n/a" : String.format(Locale.ROOT, "%.1f", PERCENT * r.droppedFraction())));
            }
            chart.addSeries("AP50", names, ap50);
            chart.addSeries("AP 0.50:0.95", names, ap);
            if (first.realtime() != null) {
                chart.addSeries("real-time AP50", names, realtimeAp50);
            }
            chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setYAxisDecimalPattern(FRACTION_PATTERN);
            save(chart, dir.resolve(AP_PER_VARIANT));
            md.append("\n![AP per variant](").append(AP_PER_VARIANT).append(")\n");
            Path file = dir.resolve(MARKDOWN);
            Files.writeString(file, md);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write report to " + dir, e);
        }
    }

    static CategoryChart apBySize(ApResult result) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("AP by object size")
                .xAxisTitle("size bucket").yAxisTitle("AP").build();
        List<String> buckets = new ArrayList<>();
        List<Double> ap50 = new ArrayList<>();
        List<Double> ap = new ArrayList<>();
        result.ap50BySize().forEach((bucket, value) -> {
            buckets.add(bucket);
            ap50.add(Double.isNaN(value) ? 0 : value);
            ap.add(Double.isNaN(result.apBySize().get(bucket)) ? 0 : result.apBySize().get(bucket));
        });
        chart.addSeries("AP50", buckets, ap50);
        chart.addSeries("AP 0.50:0.95", buckets, ap);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setYAxisDecimalPattern(FRACTION_PATTERN);
        return chart;
    }

    static XYChart realtimeVsFps(double offlineAp50, Map<Double, Double> byFps) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Real-time AP50 vs camera frame rate")
                .xAxisTitle("camera fps").yAxisTitle("AP50").build();
        List<Double> fps = new ArrayList<>(byFps.keySet());
        chart.addSeries("real-time", fps, new ArrayList<>(byFps.values()));
        chart.addSeries("offline", fps, fps.stream().map(f -> offlineAp50).toList());
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setYAxisDecimalPattern(FRACTION_PATTERN);
        return chart;
    }

    static XYChart latencyCdf(List<Double> latencies) {
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] fraction = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            fraction[i] = (i + 1) / (double) sorted.length;
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Per-frame detector latency")
                .xAxisTitle("latency (ms)").yAxisTitle("fraction of frames").build();
        chart.addSeries("CDF", sorted, fraction);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setYAxisDecimalPattern(FRACTION_PATTERN);
        return chart;
    }

    private static void save(Chart<?, ?> chart, Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void row(StringBuilder md, String name, double value) {
        md.append(String.format(Locale.ROOT, "| %s | %s |%n", name, Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.4f", value)));
    }

    /** Frame rates the real-time chart covers. */
    public static List<Double> chartRates() {
        return Arrays.asList(1.0, 2.0, 5.0, 7.0, 10.0, 15.0, 20.0, 25.0, 30.0, 50.0, 60.0);
    }
}
