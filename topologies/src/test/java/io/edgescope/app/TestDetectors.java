package io.edgescope.app;

import io.edgescope.assets.SharedFolder;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.detect.DetectorFactory;
import io.edgescope.detect.onnx.OnnxDetectorModel;
import io.edgescope.detect.variants.Variant;
import io.edgescope.detect.variants.VariantFiles;
import java.nio.file.Path;

/** The real YOLOX-Nano variants from {@code ../shared}, for integration tests. */
public final class TestDetectors {

    public static final Path SHARED = SharedFolder.find().orElseThrow();

    private TestDetectors() {
    }

    /** A pool loading variants from the shared model into {@code variants}, keeping at most {@code resident}. */
    static VariantPool pool(EdgeScopeConfig config, Path variants, int resident) {
        return new VariantPool(v -> model(config, v, variants), Variant.DEFAULT, resident);
    }

    /** The variant's detector, its model derived from the shared one into {@code variants}. */
    public static DetectorFactory model(EdgeScopeConfig config, Variant v, Path variants) {
        return OnnxDetectorModel.load(VariantFiles.materialize(
                SHARED.resolve(v.asset().orElseThrow().folder()).resolve(v.asset().orElseThrow().fileName()), v, variants),
                v.family(), config.detectorSettings());
    }
}
