package io.edgescope.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgescope.eval.ApResult;
import io.edgescope.eval.EvaluationReport;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationReportWriterTest {

    @Test
    void shouldWriteMarkdownWithTheChartsItLinks(@TempDir Path dir) throws Exception {
        Map<String, Double> bySize = new LinkedHashMap<>(Map.of("all", 0.8));
        bySize.put("small", Double.NaN);
        ApResult offline = new ApResult(0.8, 0.4, bySize, bySize, 0.9, 10, 12);
        EvaluationReport report = new EvaluationReport("Seq", "v", 5, offline, offline, 0.2, 1.5, null);
        Path md = EvaluationReportWriter.write(dir, report, Map.of(5.0, 0.8, 30.0, 0.5), List.of(12.0, 15.0, 30.0));

        String text = Files.readString(md);
        assertThat(text).contains("| AP50 | 0.8000 |").contains("| dropped frames (%) | 20.0000 |");
        for (String png : List.of(EvaluationReportWriter.AP_BY_SIZE, EvaluationReportWriter.REALTIME_VS_FPS,
                EvaluationReportWriter.LATENCY_CDF)) {
            assertThat(text).contains("(" + png + ")");
            BufferedImage image = ImageIO.read(dir.resolve(png).toFile());
            assertThat(image.getWidth()).isEqualTo(720);
        }
    }

    @Test
    void shouldCompareVariantsInOneChart(@TempDir Path dir) throws Exception {
        ApResult small = new ApResult(0.6, 0.3, Map.of("all", 0.6), Map.of("all", 0.3), 0.7, 10, 12);
        ApResult big = new ApResult(0.8, 0.4, Map.of("all", 0.8), Map.of("all", 0.4), 0.9, 10, 12);
        Path md = EvaluationReportWriter.writeComparison(dir, List.of(
                new EvaluationReport("Seq", "yolox-nano-320", 5, small, small, 0.0, 0.0, null),
                new EvaluationReport("Seq", "yolox-nano-640", 5, big, small, 0.5, 2.0, null)));
        assertThat(Files.readString(md)).contains("| yolox-nano-320 | 0.6000 | 0.3000 | 0.6000 | 0.0 |")
                .contains("| yolox-nano-640 | 0.8000 | 0.4000 | 0.6000 | 50.0 |").contains("(" + EvaluationReportWriter.AP_PER_VARIANT + ")");
        assertThat(ImageIO.read(dir.resolve(EvaluationReportWriter.AP_PER_VARIANT).toFile()).getHeight()).isEqualTo(420);
    }

    @Test
    void shouldLeaveOutTimingChartsWithoutLatencies(@TempDir Path dir) throws Exception {
        ApResult offline = new ApResult(0.8, 0.4, Map.of("all", 0.8), Map.of("all", 0.4), 0.9, 10, 12);
        Path md = EvaluationReportWriter.write(dir, new EvaluationReport("Seq", "v", 5, offline, null, 0, 0, "yolox-nano-416"), Map.of(), List.of());
        assertThat(Files.readString(md)).doesNotContain(EvaluationReportWriter.LATENCY_CDF).doesNotContain("real-time")
                .contains("PSEUDO ground truth: the boxes of yolox-nano-416");
        assertThat(dir.resolve(EvaluationReportWriter.LATENCY_CDF)).doesNotExist();
    }
}
