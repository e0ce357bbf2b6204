package io.edgescope.bench.soak;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/** The soak's series as a PNG: RSS and live heap (MiB, left axis), lag (frames, right axis) over minutes. */
public final class SoakChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;
    private static final int LAG_AXIS = 1;

    private SoakChart() {
    }

    public static void write(SoakResult result, Path file) throws IOException {
        List<SoakSample> s = result.samples();
        double[] minutes = s.stream().mapToDouble(x -> x.seconds() / 60).toArray();
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(String.format(java.util.Locale.ROOT, "Soak: %d streams at %.1f fps — RSS drift after warm-up %+.1f %%",
                        result.streams(), result.fpsPerStream(), 100 * result.rssDrift()))
                .xAxisTitle("minutes").yAxisTitle("MiB").build();
        chart.addSeries("RSS", minutes, s.stream().mapToDouble(SoakSample::rssMib).toArray()).setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        chart.addSeries("heap after GC", minutes, s.stream().mapToDouble(SoakSample::heapAfterGcMib).toArray())
                .setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        XYSeries lag = chart.addSeries("lag (frames)", minutes, s.stream().mapToDouble(SoakSample::lag).toArray());
        lag.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        lag.setYAxisGroup(LAG_AXIS);
        chart.setYAxisGroupTitle(LAG_AXIS, "frames waiting");
        chart.getStyler().setYAxisGroupPosition(LAG_AXIS, org.knowm.xchart.style.Styler.YAxisPosition.Right);
        chart.getStyler().setYAxisMin(0.0);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
