package io.edgescope.assets;

import java.net.URI;

/**
 * A file EdgeScope needs but never ships: a model or a sample clip.
 *
 * @param fileName name of the file wherever it is found
 * @param folder sub-folder in {@code ../shared}, {@code EDGESCOPE_HOME} and the cache ({@code models}, {@code samples})
 * @param upstream where it is downloaded from, once, when found nowhere else
 * @param description what it is, for messages
 */
public record Asset(String fileName, String folder, URI upstream, String description) {

    /** YOLOX-Nano COCO detector, ONNX, from the official YOLOX release (Apache-2.0). */
    public static final Asset YOLOX_NANO = new Asset("yolox_nano.onnx", "models",
            URI.create("https://github.com/Megvii-BaseDetection/YOLOX/releases/download/0.1.1rc0/yolox_nano.onnx"),
            "YOLOX-Nano ONNX model");

    /** FastestDet COCO detector, ONNX, from the upstream repository's example (BSD-3-Clause). */
    public static final Asset FASTESTDET = new Asset("FastestDet.onnx", "models",
            URI.create("https://github.com/dog-qiuqiu/FastestDet/raw/main/example/onnx-runtime/FastestDet.onnx"),
            "FastestDet ONNX model");

    /** Pedestrian sample clip from OpenCV's sample data (BSD-3-Clause). */
    public static final Asset SAMPLE_CLIP = new Asset("vtest.avi", "samples",
            URI.create("https://raw.githubusercontent.com/opencv/opencv/4.x/samples/data/vtest.avi"),
            "sample video vtest.avi");
}
