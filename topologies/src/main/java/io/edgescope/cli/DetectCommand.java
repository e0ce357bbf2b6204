package io.edgescope.cli;

import io.edgescope.app.RecordJson;

import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.detect.BgrImage;
import io.edgescope.detect.DetectionResult;
import io.edgescope.detect.Detector;
import io.edgescope.detect.DetectorFactory;
import io.edgescope.detect.onnx.OnnxDetectorModel;
import io.edgescope.image.ImageCodec;
import io.edgescope.ingest.FrameRecords;
import io.edgescope.media.EncodedFrame;
import io.edgescope.media.FrameSource;
import io.edgescope.media.FrameSources;
import io.edgescope.schemas.BoundingBox;
import io.edgescope.schemas.Detections;
import io.edgescope.schemas.Frame;
import io.edgescope.topology.DetectionRecords;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The detector without Kafka: the reference for what the pipeline publishes. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Run the detector offline (no Kafka) over a video or sequence; write Detections JSON lines or MOTChallenge det.txt.")
final class DetectCommand implements Callable<Integer> {

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    @Mixin
    CommonOptions common;

    @Mixin
    InputOptions input;

    /** Output formats. */
    enum Format {
        /** One {@code Detections} JSON object per frame. */
        jsonl,
        /** MOTChallenge det.txt: {@code frame,-1,left,top,width,height,score,-1,-1,-1}, frames 1-based. */
        mot
    }

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl (Detections records) or mot (MOTChallenge det.txt). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--classes", split = ",", paramLabel = "LABEL", description = "Only these classes, e.g. person (default: all).")
    List<String> classes;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file.")
    Path out;

    @Option(names = "--stream", paramLabel = "ID", defaultValue = "offline", description = "Stream id written on each record.")
    String streamId;

    @Override
    public Integer call() throws Exception {
        EdgeScopeConfig config = common.config();
        Assets assets = new Assets(common.models());
        String source = input.source(assets);
        ImageCodec codec = new ImageCodec(config.maxDecodedPixels());
        ConsoleProgress progress = ConsoleProgress.forStdout();
        long count = 0;
        try (DetectorFactory model = assets.loadModel(config);
             Detector detector = model.newDetector();
             FrameSource frameSource = FrameSources.open(source, config.jpegQuality());
             BufferedWriter writer = Files.newBufferedWriter(out)) {
            for (Optional<EncodedFrame> next = frameSource.next(); next.isPresent() && (input.frames == 0 || count < input.frames);
                 next = frameSource.next()) {
                long started = System.nanoTime();
                Frame frame = FrameRecords.of(streamId, count, Instant.now(), next.get(), frameSource.description());
                BgrImage image = codec.decode(next.get().image());
                DetectionResult result = detector.detect(image);
                double millis = (System.nanoTime() - started) / NANOS_PER_MILLI;
                Detections detections = DetectionRecords.of(frame, image, detector.variantId(), result, millis, (long) millis);
                if (classes != null) {
                    detections.setBoxes(detections.getBoxes().stream().filter(b -> classes.contains(b.getLabel())).toList());
                }
                write(writer, detections);
                count++;
                progress.show(count + " frames", count, input.frames, false);
            }
        } finally {
            progress.finish();
        }
        System.out.printf("%d frames -> %s%n", count, out);
        return 0;
    }

    private void write(BufferedWriter writer, Detections detections) throws IOException {
        if (format == Format.jsonl) {
            writer.write(RecordJson.line(detections));
            writer.newLine();
            return;
        }
        long frame = detections.getSequence() + 1;
        for (BoundingBox b : detections.getBoxes()) {
            writer.write(String.format(Locale.ROOT, "%d,-1,%.2f,%.2f,%.2f,%.2f,%.4f,-1,-1,-1", frame, b.getX(), b.getY(),
                    b.getWidth(), b.getHeight(), b.getScore()));
            writer.newLine();
        }
    }
}
