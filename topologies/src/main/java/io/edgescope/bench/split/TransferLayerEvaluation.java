package io.edgescope.bench.split;

import io.edgescope.detect.BgrImage;
import io.edgescope.detect.Detection;
import io.edgescope.detect.Detector;
import io.edgescope.detect.DetectorFactory;
import io.edgescope.detect.onnx.DetectorSettings;
import io.edgescope.eval.AreaRange;
import io.edgescope.eval.CocoEvaluator;
import io.edgescope.eval.FrameData;
import io.edgescope.eval.MotSequence;
import io.edgescope.eval.ScoredBox;
import io.edgescope.image.ImageCodec;
import io.edgescope.media.EncodedFrame;
import io.edgescope.media.ImageDirectorySource;
import io.edgescope.split.Activation;
import io.edgescope.split.GraphPartitioner;
import io.edgescope.split.SplitHead;
import io.edgescope.split.SplitModel;
import io.edgescope.split.TransferLayer;
import io.edgescope.split.OnnxGraph;
import io.edgescope.split.SplitDetector;
import io.edgescope.split.SplitPlanner;
import io.edgescope.split.TransferLayers;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What each transfer layer costs in accuracy and bytes at each cut, on labelled data: every k-th
 * frame of the sequences through the whole model, through edge-only (the frame as JPEG at the
 * model's input size) and through head + layer + tail; AP50 (person) of each, pooled over the
 * sequences, its loss against the whole model, and the mean bytes sent per frame.
 */
public final class TransferLayerEvaluation {

    private static final String LABEL = "person";
    private static final String IMAGES = "img1";
    private static final int JPEG_QUALITY = 90;
    private static final String WHOLE = "whole";

    /** One placement's accuracy and traffic. */
    public record Row(String cut, String layer, double ap50, double apLoss, double meanBytes) {
    }

    /** Every row, the whole model's AP50 first. Written as JSON by {@code scission tl --out}, read back by the planner and {@code bench split}. */
    public record Result(double wholeAp50, int frames, Row edgeOnly, List<Row> splits) {

        /** AP50 loss per cut and transfer layer, as the planner's constraints take it. */
        public Map<String, Map<String, Double>> losses() {
            Map<String, Map<String, Double>> out = new LinkedHashMap<>();
            splits.forEach(r -> out.computeIfAbsent(r.cut(), c -> new LinkedHashMap<>()).put(r.layer(), r.apLoss()));
            return out;
        }

        /** AP50 of a placement: device-only and lossless splits are the whole detector's; NaN for a split not measured. */
        public double ap50(SplitPlanner.Plan p) {
            if (p.cut() == null) {
                return p.id().equals(SplitPlanner.EDGE_ONLY) ? edgeOnly.ap50() : wholeAp50;
            }
            return splits.stream().filter(r -> r.cut().equals(p.cut()) && r.layer().equals(p.layer())).mapToDouble(Row::ap50).findFirst()
                    .orElse(TransferLayers.lossless(p.layer()) ? wholeAp50 : Double.NaN);
        }

        public void write(Path file) {
            try {
                JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file, e);
            }
        }

        public static Result read(Path file) {
            Result r;
            try {
                r = JSON.readValue(file.toFile(), Result.class);
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read transfer-layer accuracy " + file + ": " + e.getMessage(), e);
            }
            if (r.splits() == null || r.splits().isEmpty()) {
                throw new IllegalArgumentException("no transfer-layer rows in " + file + " (write it with edgescope scission tl --out)");
            }
            return r;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private TransferLayerEvaluation() {
    }

    public static Result evaluate(List<MotSequence> sequences, byte[] onnx, DetectorFactory whole, int inputSize, List<String> cuts,
                                  List<String> layers, int every, DetectorSettings settings, Consumer<String> progress) {
        OnnxGraph graph = OnnxGraph.parse(onnx);
        Map<String, SplitDetector> splits = new LinkedHashMap<>();
        Map<String, List<FrameData>> frames = new LinkedHashMap<>();
        Map<String, Long> bytes = new LinkedHashMap<>();
        ImageCodec codec = new ImageCodec(Long.MAX_VALUE);
        try (Detector reference = whole.newDetector()) {
            for (String cut : cuts) {
                var model = GraphPartitioner.split(graph, GraphPartitioner.cutPoint(graph, cut, Integer.MAX_VALUE));
                List<Activation> crossing = crossing(model, inputSize);
                for (String layer : layers) {
                    if (!TransferLayers.byId(layer).accepts(crossing)) {
                        progress.accept("transfer layer " + layer + " cannot carry cut " + cut + " " + crossing);
                        continue;
                    }
                    splits.put(cut + "|" + layer, new SplitDetector(cut, model, TransferLayers.byId(layer), inputSize,
                            settings.scoreThreshold(), settings.nmsIou(), settings.intraOpThreads()));
                }
            }
            int index = 0;
            for (MotSequence seq : sequences) {
                progress.accept("transfer layers on " + seq.name());
                try (ImageDirectorySource source = ImageDirectorySource.open(seq.folder().resolve(IMAGES))) {
                    int f = 0;
                    for (Optional<EncodedFrame> next = source.next(); next.isPresent() && f < seq.length(); next = source.next()) {
                        f++;
                        if ((f - 1) % every != 0) {
                            continue;
                        }
                        BgrImage image = codec.decode(next.get().image());
                        int frameIndex = index++;
                        var truth = seq.truthOf(f);
                        add(frames, WHOLE, new FrameData(frameIndex, truth, boxes(reference.detect(image).detections())));
                        byte[] jpeg = EdgeOnlyFrames.jpeg(image, inputSize, JPEG_QUALITY);
                        bytes.merge(SplitPlanner.EDGE_ONLY, (long) jpeg.length, Long::sum);
                        BgrImage sent = codec.decode(jpeg);
                        double back = image.width() / (double) sent.width();
                        add(frames, SplitPlanner.EDGE_ONLY, new FrameData(frameIndex, truth,
                                reference.detect(sent).detections().stream().filter(d -> LABEL.equals(d.label()))
                                        .map(d -> new ScoredBox((float) (d.x() * back), (float) (d.y() * back), (float) (d.width() * back),
                                                (float) (d.height() * back), d.score())).toList()));
                        for (Map.Entry<String, SplitDetector> e : splits.entrySet()) {
                            add(frames, e.getKey(), new FrameData(frameIndex, truth, boxes(e.getValue().detect(image).detections())));
                            bytes.merge(e.getKey(), e.getValue().lastPayloadBytes(), Long::sum);
                        }
                    }
                }
            }
        } finally {
            splits.values().forEach(SplitDetector::close);
        }
        CocoEvaluator ap = new CocoEvaluator(List.of(AreaRange.ALL));
        double wholeAp = ap.evaluate(frames.get(WHOLE)).ap50();
        int n = frames.get(WHOLE).size();
        double edgeAp = ap.evaluate(frames.get(SplitPlanner.EDGE_ONLY)).ap50();
        Row edge = new Row(null, SplitPlanner.EDGE_ONLY, edgeAp, wholeAp - edgeAp, bytes.get(SplitPlanner.EDGE_ONLY) / (double) n);
        List<Row> rows = new ArrayList<>();
        for (String key : splits.keySet()) {
            double a = ap.evaluate(frames.get(key)).ap50();
            String[] parts = key.split("\\|");
            rows.add(new Row(parts[0], parts[1], a, wholeAp - a, bytes.get(key) / (double) n));
        }
        return new Result(wholeAp, n, edge, rows);
    }

    /** What crosses {@code model}'s cut (shapes depend on the input size only). */
    private static List<Activation> crossing(SplitModel model, int inputSize) {
        TransferLayer raw = TransferLayers.byId(TransferLayers.RAW);
        try (SplitHead head = new SplitHead(model, raw, inputSize, 1)) {
            return raw.decode(head.run(new BgrImage(inputSize, inputSize, new byte[inputSize * inputSize * BgrImage.CHANNELS])).payload());
        }
    }

    private static void add(Map<String, List<FrameData>> frames, String key, FrameData f) {
        frames.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
    }

    private static List<ScoredBox> boxes(List<Detection> detections) {
        return detections.stream().filter(d -> LABEL.equals(d.label()))
                .map(d -> new ScoredBox(d.x(), d.y(), d.width(), d.height(), d.score())).toList();
    }
}
