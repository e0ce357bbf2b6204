package io.edgescope.cli;

import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.detect.BgrImage;
import io.edgescope.detect.Detector;
import io.edgescope.detect.onnx.OnnxYoloxModel;
import io.edgescope.detect.variants.Variant;
import io.edgescope.detect.variants.VariantFiles;
import io.edgescope.image.ImageCodec;
import io.edgescope.media.FrameSource;
import io.edgescope.media.FrameSources;
import io.edgescope.media.MediaException;
import io.edgescope.stats.LatencyRecorder;
import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The variant catalogue with latency measured on this host. */
@Command(name = "variants", mixinStandardHelpOptions = true,
        description = "List the detector variants with their input size, sha256 and inference latency measured here (median, p99).")
final class VariantsCommand implements Callable<Integer> {

    private static final int WARMUP_RUNS = 5;
    private static final double NANOS_PER_MILLI = 1_000_000.0;
    private static final double MEDIAN = 50;
    private static final double P99 = 99;

    @Mixin
    CommonOptions common;

    @Option(names = "--runs", defaultValue = "30", paramLabel = "N", description = "Timed inferences per variant (default: ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() throws Exception {
        EdgeScopeConfig config = common.config();
        Assets assets = new Assets(common.models());
        BgrImage frame;
        try (FrameSource clip = FrameSources.open(assets.sampleClip().toString(), config.jpegQuality())) {
            frame = new ImageCodec(config.maxDecodedPixels()).decode(clip.next()
                    .orElseThrow(() -> new MediaException("The sample clip has no frames")).image());
        }
        System.out.println("| variant | input | sha256 (first 16) | median ms | p99 ms |");
        System.out.println("|---|---|---|---|---|");
        for (Variant variant : Variant.CATALOGUE) {
            LatencyRecorder latency = new LatencyRecorder();
            String sha;
            try (OnnxYoloxModel model = assets.loadModel(config, variant); Detector detector = model.newDetector()) {
                sha = VariantFiles.sha256(Files.readAllBytes(model.path())).substring(0, 16);
                for (int i = 0; i < WARMUP_RUNS + runs; i++) {
                    long t0 = System.nanoTime();
                    detector.detect(frame);
                    if (i >= WARMUP_RUNS) {
                        latency.record((System.nanoTime() - t0) / NANOS_PER_MILLI);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "| %s | %dx%d | %s | %.1f | %.1f |%n", variant.id(), variant.inputSize(), variant.inputSize(),
                    sha, latency.percentile(MEDIAN), latency.percentile(P99));
        }
        return 0;
    }
}
