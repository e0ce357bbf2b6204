package io.edgescope.bench.roma;

import io.edgescope.roma.FixedPolicy;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;

/**
 * A {@code bench roma-live} run as one PNG of two panels: real-time AP50 of every policy against the number of cameras (does
 * ROMA beat every fixed variant at each load?), and the share of ROMA's processed frames each variant ran at each number of
 * cameras (does it move to lighter variants as the load rises?).
 */
public final class LiveContentionChart {

    private static final int PANEL_WIDTH = 700;
    private static final int HEIGHT = 480;
    private static final double PERCENT = 100;
    private static final float ROMA_LINE_WIDTH = 4f;
    private static final String FORMAT = "png";

    private LiveContentionChart() {
    }

    /** The numbers of cameras the run measured, in the order run (the x values of both panels). */
    static List<Integer> cameras(LiveContention.Result r) {
        return List.copyOf(r.cells().keySet());
    }

    /** Mean real-time AP50 of every policy at each number of cameras, in the order of {@link #cameras}. */
    static Map<String, double[]> apByPolicy(LiveContention.Result r) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String policy : r.policies()) {
            out.put(policy, r.cells().values().stream().mapToDouble(byPolicy -> byPolicy.get(policy).ap50()).toArray());
        }
        return out;
    }

    /**
     * The share of {@code policy}'s processed frames (percent) each variant ran at each number of cameras, in the order of
     * {@link #cameras}; the variants it used, in the order of the run's fixed policies.
     */
    static Map<String, double[]> variantShares(LiveContention.Result r, String policy) {
        List<LiveContention.Cell> cells = r.cells().values().stream().map(byPolicy -> byPolicy.get(policy)).toList();
        Map<String, double[]> out = new LinkedHashMap<>();
        cells.stream().flatMap(c -> c.processedByVariant().keySet().stream()).distinct()
                .sorted(Comparator.comparingInt(variant -> r.fixedPolicies().indexOf(new FixedPolicy(variant).name())))
                .forEach(variant -> out.put(variant, cells.stream().mapToDouble(c -> share(c, variant)).toArray()));
        return out;
    }

    private static double share(LiveContention.Cell cell, String variant) {
        int processed = cell.processedByVariant().values().stream().mapToInt(Integer::intValue).sum();
        return processed == 0 ? 0 : PERCENT * cell.processedByVariant().getOrDefault(variant, 0) / processed;
    }

    /** Writes both panels side by side to {@code file}. */
    public static void write(LiveContention.Result r, Path file) {
        BufferedImage left = BitmapEncoder.getBufferedImage(apChart(r));
        BufferedImage right = BitmapEncoder.getBufferedImage(sharesChart(r));
        BufferedImage both = new BufferedImage(left.getWidth() + right.getWidth(), Math.max(left.getHeight(), right.getHeight()),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.drawImage(left, 0, 0, null);
        g.drawImage(right, left.getWidth(), 0, null);
        g.dispose();
        try {
            ImageIO.write(both, FORMAT, file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static XYChart apChart(LiveContention.Result r) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(HEIGHT)
                .title("Real-time AP50 live, every camera running the policy").xAxisTitle("cameras at once").yAxisTitle("real-time AP50")
                .build();
        double[] x = cameras(r).stream().mapToDouble(Integer::doubleValue).toArray();
        apByPolicy(r).forEach((policy, ap) -> {
            XYSeries s = chart.addSeries(policy, x, ap);
            if (policy.equals(RomaBenchmark.ROMA)) {
                s.setLineStyle(SeriesLines.SOLID).setLineWidth(ROMA_LINE_WIDTH);
                s.setLineColor(Color.BLACK);
                s.setMarkerColor(Color.BLACK);
            } else if (!r.fixedPolicies().contains(policy)) {
                s.setLineStyle(SeriesLines.DASH_DASH);
            }
        });
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setXAxisDecimalPattern("0");
        return chart;
    }

    private static CategoryChart sharesChart(LiveContention.Result r) {
        CategoryChart chart = new CategoryChartBuilder().width(PANEL_WIDTH).height(HEIGHT)
                .title("ROMA: frames per variant").xAxisTitle("cameras at once").yAxisTitle("% of the frames processed").build();
        List<String> cameras = cameras(r).stream().map(String::valueOf).toList();
        variantShares(r, RomaBenchmark.ROMA).forEach((variant, shares) ->
                chart.addSeries(variant, cameras, Arrays.stream(shares).boxed().toList()));
        chart.getStyler().setStacked(true).setYAxisMin(0.0).setYAxisMax(PERCENT);
        return chart;
    }
}
