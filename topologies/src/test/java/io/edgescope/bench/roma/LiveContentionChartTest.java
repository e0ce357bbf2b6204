package io.edgescope.bench.roma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveContentionChartTest {

    private static final double TOLERANCE = 1e-12;
    private static final List<String> FIXED = List.of("fixed:small", "fixed:big");

    /** Two numbers of cameras: ROMA runs big alone and mostly small with four. */
    private static LiveContention.Result result() {
        Map<Integer, Map<String, LiveContention.Cell>> cells = new LinkedHashMap<>();
        cells.put(1, cellsOf(1, 0.6, 0.8, 0.79, Map.of("big", 100)));
        cells.put(4, cellsOf(4, 0.6, 0.3, 0.62, Map.of("small", 300, "big", 100)));
        return new LiveContention.Result(cells, FIXED, 25, 100, 2, List.of(), Map.of(), Map.of(1, 2, 4, 1), Map.of());
    }

    private static Map<String, LiveContention.Cell> cellsOf(int streams, double small, double big, double roma, Map<String, Integer> romaRan) {
        Map<String, LiveContention.Cell> byPolicy = new LinkedHashMap<>();
        byPolicy.put("fixed:small", cell("fixed:small", streams, small, Map.of("small", 100 * streams)));
        byPolicy.put("fixed:big", cell("fixed:big", streams, big, Map.of("big", 100 * streams)));
        byPolicy.put(RomaBenchmark.ROMA, cell(RomaBenchmark.ROMA, streams, roma, romaRan));
        return byPolicy;
    }

    private static LiveContention.Cell cell(String policy, int streams, double ap, Map<String, Integer> ran) {
        return new LiveContention.Cell(policy, streams, List.of(ap - 0.01, ap + 0.01), ran, 100 * streams, 0, 10);
    }

    @Test
    void shouldPlotEveryPolicysMeanRealtimeApAgainstTheNumberOfCameras() {
        LiveContention.Result r = result();
        assertThat(LiveContentionChart.cameras(r)).containsExactly(1, 4);
        Map<String, double[]> ap = LiveContentionChart.apByPolicy(r);
        assertThat(ap).containsOnlyKeys("fixed:small", "fixed:big", RomaBenchmark.ROMA);
        assertThat(ap.get("fixed:big")).containsExactly(new double[] {0.8, 0.3}, within(TOLERANCE));
        assertThat(ap.get(RomaBenchmark.ROMA)).containsExactly(new double[] {0.79, 0.62}, within(TOLERANCE));
    }

    @Test
    void shouldShowTheShareOfRomasFramesPerVariantLightestFirst() {
        Map<String, double[]> shares = LiveContentionChart.variantShares(result(), RomaBenchmark.ROMA);
        assertThat(shares.keySet()).as("in the order of the fixed policies, not of first use").containsExactly("small", "big");
        assertThat(shares.get("small")).containsExactly(new double[] {0, 75}, within(TOLERANCE));
        assertThat(shares.get("big")).containsExactly(new double[] {100, 25}, within(TOLERANCE));
    }

    @Test
    void shouldWriteBothPanelsSideBySideAsOnePng(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("live.png");
        LiveContentionChart.write(result(), file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).as("two panels").isGreaterThan(image.getHeight() * 2);
    }
}
