package io.edgescope.eval;

import io.edgescope.detect.BgrImage;
import io.edgescope.detect.Detection;
import io.edgescope.detect.Detector;
import io.edgescope.image.ImageCodec;
import io.edgescope.media.EncodedFrame;
import io.edgescope.media.FrameSource;
import io.edgescope.media.MediaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns an unlabelled video into a MOTChallenge sequence whose "ground truth" is a detector's own
 * confident boxes on every frame — pseudo ground truth, for scoring other variants and real-time
 * behaviour where no labels exist. The detector used is recorded in {@code seqinfo.ini}
 * ({@value MotSequence#PSEUDO_KEY}), and every report on the sequence says so.
 */
public final class PseudoGroundTruth {

    private static final String IMAGES = "img1";

    private PseudoGroundTruth() {
    }

    /**
     * @param label class kept as ground truth (e.g. person)
     * @param minScore boxes below this score are not taken as truth
     * @param maxFrames stop after this many frames (0: all)
     */
    public static MotSequence write(FrameSource source, Detector detector, ImageCodec codec, Path out, String label,
                                    float minScore, long maxFrames) {
        if (source.fps() <= 0) {
            throw new MediaException("Source " + source.description() + " has no frame rate; pseudo ground truth needs one");
        }
        List<String> gt = new ArrayList<>();
        int frames = 0;
        int width = 0;
        int height = 0;
        try {
            Files.createDirectories(out.resolve(IMAGES));
            Files.createDirectories(out.resolve("gt"));
            for (Optional<EncodedFrame> next = source.next(); next.isPresent() && (maxFrames == 0 || frames < maxFrames);
                 next = source.next()) {
                EncodedFrame frame = next.get();
                frames++;
                width = frame.width();
                height = frame.height();
                BgrImage image = codec.decode(frame.image());
                byte[] jpeg = EncodedFrame.JPEG.equals(frame.format()) ? frame.image()
                        : ImageCodec.encodeJpeg(image, ImageCodec.DEFAULT_JPEG_QUALITY);
                Files.write(out.resolve(IMAGES).resolve(String.format("%06d.jpg", frames)), jpeg);
                for (Detection d : detector.detect(image).detections()) {
                    if (d.label().equals(label) && d.score() >= minScore) {
                        gt.add(String.format(Locale.ROOT, "%d,-1,%.2f,%.2f,%.2f,%.2f,1,-1,-1,-1", frames, d.x(), d.y(),
                                d.width(), d.height()));
                    }
                }
            }
            Files.write(out.resolve(MotSequence.GT), gt);
            Files.writeString(out.resolve(MotSequence.INFO), String.format(Locale.ROOT,
                    "[Sequence]%nname=%s%nimDir=%s%nframeRate=%s%nseqLength=%d%nimWidth=%d%nimHeight=%d%nimExt=.jpg%n%s=%s (score >= %.2f)%n",
                    out.getFileName(), IMAGES, Double.toString(source.fps()), frames, width, height, MotSequence.PSEUDO_KEY,
                    detector.variantId(), minScore));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write pseudo ground truth to " + out, e);
        }
        return MotSequence.load(out);
    }
}
