package io.edgescope.bench.split;

import io.edgescope.detect.BgrImage;
import io.edgescope.detect.CocoLabels;
import io.edgescope.detect.yolox.YoloxDecoder;
import io.edgescope.image.ImageCodec;
import io.edgescope.split.Activation;
import io.edgescope.split.CutPoint;
import io.edgescope.split.GraphPartitioner;
import io.edgescope.split.OnnxGraph;
import io.edgescope.split.OrtModelRunner;
import io.edgescope.split.SplitHead;
import io.edgescope.split.SplitModel;
import io.edgescope.split.SplitTail;
import io.edgescope.split.TierProfile;
import io.edgescope.split.TransferLayer;
import io.edgescope.split.TransferLayers;
import io.edgescope.detect.yolox.YoloxPreprocessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Scission's benchmark on this host for one tier: the whole detector, and for every cut the head
 * (with preprocessing) and the tail (with box decoding) timed on a real frame, the payload of every
 * transfer layer and its encode/decode times. Unlike Scission, which times blocks between
 * consecutive split points and sums them, each cut's head and tail are timed as the models that
 * will run (our cuts cross up to three tensors, so blocks would need pass-through outputs). Times
 * are means over {@code runs} after one warm-up, multiplied by {@code slowdown} (a device emulated
 * on this host: fewer threads and a measured factor).
 */
public final class ScissionBenchmark {

    private static final double NANOS_PER_MILLI = 1_000_000.0;
    private static final float SCORE = 0.3f;
    private static final float NMS = 0.45f;
    private static final int JPEG_QUALITY = 90;
    /** The whole model and the JPEG path are cheap to time: at least this many runs. */
    private static final int WHOLE_MODEL_RUNS = 20;

    /** What to measure. */
    public record Options(String tier, String host, int threads, double slowdown, int runs, int maxTensors, List<String> layers) {
    }

    private ScissionBenchmark() {
    }

    public static TierProfile measure(Options o, byte[] onnx, String modelName, int inputSize, BgrImage frame, Consumer<String> progress) {
        OnnxGraph graph = OnnxGraph.parse(onnx);
        double full;
        try (OrtModelRunner whole = new OrtModelRunner(onnx, o.threads())) {
            YoloxPreprocessor pre = new YoloxPreprocessor(inputSize);
            float[] tensor = new float[pre.tensorLength()];
            String input = whole.inputNames().get(0);
            full = time(Math.max(o.runs(), WHOLE_MODEL_RUNS), () -> {
                pre.preprocess(frame, tensor);
                return whole.run(List.of(new Activation(input, new long[] {1, BgrImage.CHANNELS, inputSize, inputSize}, tensor)));
            });
        }
        byte[] jpeg = EdgeOnlyFrames.jpeg(frame, inputSize, JPEG_QUALITY);
        double jpegEncode = time(Math.max(o.runs(), WHOLE_MODEL_RUNS), () -> EdgeOnlyFrames.jpeg(frame, inputSize, JPEG_QUALITY));
        ImageCodec codec = new ImageCodec(Long.MAX_VALUE);
        double jpegDecode = time(Math.max(o.runs(), WHOLE_MODEL_RUNS), () -> codec.decode(jpeg));
        Map<String, TierProfile.CutTiming> cuts = new LinkedHashMap<>();
        List<CutPoint> points = GraphPartitioner.cutPoints(graph, o.maxTensors());
        for (int i = 0; i < points.size(); i++) {
            CutPoint cut = points.get(i);
            progress.accept(String.format(java.util.Locale.ROOT, "%s: cut %d/%d after %s", o.tier(), i + 1, points.size(), cut.id()));
            cuts.put(cut.id(), measureCut(o, GraphPartitioner.split(graph, cut), inputSize, frame));
        }
        return new TierProfile(o.tier(), o.host(), o.threads(), o.slowdown(), modelName, full * o.slowdown(),
                jpegEncode * o.slowdown(), jpegDecode * o.slowdown(), jpeg.length, cuts);
    }

    private static TierProfile.CutTiming measureCut(Options o, SplitModel split, int inputSize, BgrImage frame) {
        TransferLayer raw = TransferLayers.byId(TransferLayers.RAW);
        Map<String, Long> bytes = new LinkedHashMap<>();
        Map<String, Double> encode = new LinkedHashMap<>();
        Map<String, Double> decode = new LinkedHashMap<>();
        double head;
        double tail;
        try (SplitHead h = new SplitHead(split, raw, inputSize, o.threads());
             SplitTail t = new SplitTail(split, raw, inputSize, new YoloxDecoder(inputSize, CocoLabels.names(), SCORE), NMS, o.threads())) {
            SplitHead.Output out = h.run(frame);
            head = time(o.runs(), () -> h.run(frame));
            tail = time(o.runs(), () -> t.run(out.payload(), out.frameWidth(), out.frameHeight()));
            List<Activation> crossing = raw.decode(out.payload());
            for (String id : o.layers()) {
                TransferLayer layer = TransferLayers.byId(id);
                if (!layer.accepts(crossing)) {
                    continue;
                }
                byte[] payload = layer.encode(crossing);
                bytes.put(id, (long) payload.length);
                encode.put(id, time(o.runs(), () -> layer.encode(crossing)) * o.slowdown());
                decode.put(id, time(o.runs(), () -> layer.decode(payload)) * o.slowdown());
            }
        }
        // the raw encoding is part of the head's timing above; keep the layer's own cost apart
        double rawEncode = encode.getOrDefault(TransferLayers.RAW, 0.0);
        return new TierProfile.CutTiming(split.cut().afterNode(), split.cut().tensors().size(), Math.max(0, head * o.slowdown() - rawEncode),
                Math.max(0, tail * o.slowdown() - decode.getOrDefault(TransferLayers.RAW, 0.0)), bytes, encode, decode);
    }

    private static double time(int runs, Supplier<?> work) {
        work.get();
        long t0 = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            work.get();
        }
        return (System.nanoTime() - t0) / NANOS_PER_MILLI / runs;
    }
}
