package io.edgescope.cli;

import io.edgescope.app.VariantPool;
import io.edgescope.bench.ProcessMemory;
import io.edgescope.assets.Asset;
import io.edgescope.assets.AssetResolver;
import io.edgescope.assets.Downloader;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.detect.BgrImage;
import io.edgescope.detect.DetectorFactory;
import io.edgescope.image.ImageCodec;
import io.edgescope.detect.hog.HogPeopleModel;
import io.edgescope.detect.onnx.OnnxDetectorModel;
import io.edgescope.detect.variants.Variant;
import io.edgescope.detect.variants.VariantFiles;
import io.edgescope.media.FrameSource;
import io.edgescope.media.FrameSources;
import io.edgescope.media.MediaException;
import java.nio.file.Path;
import java.util.Optional;

/** Resolves the model and the sample clip for CLI commands, with a download progress bar. */
final class Assets {

    static final String VARIANTS_FOLDER = "variants";

    private final AssetResolver resolver;

    Assets(Optional<Path> modelsDir) {
        ConsoleProgress progress = ConsoleProgress.forStdout();
        Downloader.Progress bar = (done, total) -> progress.show("downloading " + ConsoleProgress.kib(done), done, total, false);
        this.resolver = AssetResolver.forProcess(modelsDir, bar);
    }

    /** The shipped model file of {@code variant}'s architecture, found or downloaded and checked to load. */
    Path model(EdgeScopeConfig config, Variant variant) {
        Asset asset = variant.asset().orElseThrow(() -> new IllegalArgumentException(variant.id() + " has no model file"));
        return resolver.resolve(asset, p -> OnnxDetectorModel.load(p, variant.family(), config.detectorSettings()).close());
    }

    /** The configured variant, derived from the shipped model into the user cache on first use. */
    DetectorFactory loadModel(EdgeScopeConfig config) {
        return loadModel(config, config.variant());
    }

    /** The variants the detection service runs: the configured default loaded now, others on demand. */
    VariantPool variantPool(EdgeScopeConfig config) {
        return new VariantPool(v -> loadModel(config, v), config.variant(), config.maxResidentVariants(),
                config.variantsBudgetMib(), ProcessMemory::rssMib);
    }

    DetectorFactory loadModel(EdgeScopeConfig config, Variant variant) {
        if (!variant.family().runsOnnx()) {
            return new HogPeopleModel(config.detectorSettings());
        }
        return OnnxDetectorModel.load(modelFile(config, variant), variant.family(), config.detectorSettings());
    }

    /** The ONNX file {@code variant} runs (derived sizes written to the user cache on first use). */
    Path modelFile(EdgeScopeConfig config, Variant variant) {
        return VariantFiles.materialize(model(config, variant.derived() ? Variant.DEFAULT : variant), variant,
                AssetResolver.userCacheDir().resolve(VARIANTS_FOLDER));
    }

    Path sampleClip() {
        return resolver.resolve(Asset.SAMPLE_CLIP, p -> {
            try (FrameSource source = FrameSources.open(p.toString(), 1)) {
                source.next().orElseThrow(() -> new MediaException("no frames in " + p));
            }
        });
    }

    /** The first frame of the sample clip, decoded: the frame latency benchmarks run on. */
    BgrImage sampleFrame(EdgeScopeConfig config) {
        try (FrameSource clip = FrameSources.open(sampleClip().toString(), config.jpegQuality())) {
            return new ImageCodec(config.maxDecodedPixels()).decode(clip.next()
                    .orElseThrow(() -> new MediaException("The sample clip has no frames")).image());
        }
    }

    /** {@code input} if given, else the sample clip. */
    String inputOrSample(String input) {
        return input != null ? input : sampleClip().toString();
    }
}
