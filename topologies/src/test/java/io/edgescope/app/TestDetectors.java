package io.edgescope.app;

import io.edgescope.assets.SharedFolder;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.detect.onnx.OnnxDetectorModel;
import io.edgescope.detect.variants.Variant;
import io.edgescope.detect.variants.VariantFiles;
import java.nio.file.Path;

/** The real YOLOX-Nano variants from {@code ../shared}, for integration tests. */
final class TestDetectors {

    static final Path SHARED = SharedFolder.find().orElseThrow();

    private TestDetectors() {
    }

    /** A pool loading variants from the shared model into {@code variants}, keeping at most {@code resident}. */
    static VariantPool pool(EdgeScopeConfig config, Path variants, int resident) {
        return new VariantPool(v -> OnnxDetectorModel.load(VariantFiles.materialize(
                SHARED.resolve(v.asset().orElseThrow().folder()).resolve(v.asset().orElseThrow().fileName()), v, variants),
                v.family(), config.detectorSettings()), Variant.DEFAULT, resident);
    }
}
