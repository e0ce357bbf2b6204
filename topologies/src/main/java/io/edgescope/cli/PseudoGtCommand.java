package io.edgescope.cli;

import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.detect.Detector;
import io.edgescope.detect.DetectorFactory;
import io.edgescope.detect.onnx.OnnxDetectorModel;
import io.edgescope.detect.variants.Variant;
import io.edgescope.eval.MotSequence;
import io.edgescope.eval.PseudoGroundTruth;
import io.edgescope.image.ImageCodec;
import io.edgescope.media.FrameSource;
import io.edgescope.media.FrameSources;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Pseudo ground truth for unlabelled video: a detector's confident boxes on every frame. */
@Command(name = "pseudo-gt", mixinStandardHelpOptions = true,
        description = "Write an unlabelled video as a MOTChallenge sequence whose ground truth is the most accurate variant's "
                + "confident boxes (yolox-nano-640 unless --variant; pseudo ground truth, marked as such in seqinfo.ini and every report).")
final class PseudoGtCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    InputOptions input;

    @Option(names = "--out", required = true, paramLabel = "SEQ_DIR", description = "Folder for the sequence.")
    Path out;

    @Option(names = "--label", defaultValue = "person", description = "Class taken as truth (default: ${DEFAULT-VALUE}).")
    String label;

    @Option(names = "--min-score", defaultValue = "0.5", paramLabel = "S", description = "Minimum score taken as truth (default: ${DEFAULT-VALUE}).")
    float minScore;

    @Override
    public Integer call() throws Exception {
        EdgeScopeConfig config = common.config();
        Assets assets = new Assets(common.models());
        String source = input.source(assets);
        Variant variant = common.variant == null ? Variant.MOST_ACCURATE : config.variant();
        try (DetectorFactory model = assets.loadModel(config, variant);
             Detector detector = model.newDetector();
             FrameSource frames = FrameSources.open(source, config.jpegQuality())) {
            MotSequence seq = PseudoGroundTruth.write(frames, detector, new ImageCodec(config.maxDecodedPixels()), out, label,
                    minScore, input.frames);
            System.out.printf(Locale.ROOT, "%s: %d frames at %.1f fps, %d boxes of pseudo ground truth by %s -> %s%n", seq.name(),
                    seq.length(), seq.fps(), seq.truth().values().stream().mapToInt(java.util.List::size).sum(),
                    seq.pseudoGroundTruthBy(), out);
        }
        return 0;
    }
}
