package io.edgescope.eval;

import io.edgescope.image.ImageCodec;
import io.edgescope.image.OpenCv;
import io.edgescope.media.MediaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Writes a derived MOTChallenge sequence: every k-th frame (faster motion), frames and boxes scaled
 * down (smaller objects), a different frame rate — with the ground truth carried over exactly
 * (frames renumbered from 1, boxes scaled, ignore flags kept; written in the 10-column MOT15 format).
 */
public final class ScenarioGenerator {

    private static final int JPEG_QUALITY = 95;
    private static final String IMAGES = "img1";

    private ScenarioGenerator() {
    }

    public static MotSequence generate(MotSequence source, Scenario scenario, Path out) {
        OpenCv.load();
        int width = (int) Math.round(source.width() * scenario.scale());
        int height = (int) Math.round(source.height() * scenario.scale());
        double fps = scenario.fps() > 0 ? scenario.fps() : source.fps();
        List<String> gt = new ArrayList<>();
        int written = 0;
        try {
            Files.createDirectories(out.resolve(IMAGES));
            Files.createDirectories(out.resolve("gt"));
            for (int frame = scenario.firstFrame(); frame <= source.length(); frame += scenario.every()) {
                written++;
                copyFrame(source.folder().resolve(IMAGES).resolve(String.format("%06d.jpg", frame)),
                        out.resolve(IMAGES).resolve(String.format("%06d.jpg", written)), scenario.scale(), width, height);
                for (GtBox b : source.truthOf(frame)) {
                    gt.add(String.format(Locale.ROOT, "%d,-1,%.3f,%.3f,%.3f,%.3f,%d,-1,-1,-1", written, b.x() * scenario.scale(),
                            b.y() * scenario.scale(), b.width() * scenario.scale(), b.height() * scenario.scale(), b.ignore() ? 0 : 1));
                }
            }
            Files.write(out.resolve(MotSequence.GT), gt);
            String name = String.format(Locale.ROOT, "%s-every%d-scale%.2f-fps%s", source.name(), scenario.every(),
                    scenario.scale(), fps % 1 == 0 ? Long.toString((long) fps) : Double.toString(fps));
            Files.writeString(out.resolve(MotSequence.INFO), String.format(Locale.ROOT,
                    "[Sequence]%nname=%s%nimDir=%s%nframeRate=%s%nseqLength=%d%nimWidth=%d%nimHeight=%d%nimExt=.jpg%n%s",
                    name, IMAGES, fps % 1 == 0 ? Long.toString((long) fps) : Double.toString(fps), written, width, height,
                    source.pseudoGroundTruthBy() == null ? "" : MotSequence.PSEUDO_KEY + "=" + source.pseudoGroundTruthBy() + "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write scenario to " + out, e);
        }
        return MotSequence.load(out);
    }

    private static void copyFrame(Path from, Path to, double scale, int width, int height) throws IOException {
        if (scale == 1) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        Mat image = Imgcodecs.imread(from.toString());
        if (image.empty()) {
            throw new MediaException("Cannot read frame " + from);
        }
        Mat small = new Mat();
        try {
            Imgproc.resize(image, small, new Size(width, height), 0, 0, Imgproc.INTER_AREA);
            Files.write(to, ImageCodec.encodeJpeg(small, JPEG_QUALITY));
        } finally {
            image.release();
            small.release();
        }
    }
}
