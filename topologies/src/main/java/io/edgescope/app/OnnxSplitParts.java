package io.edgescope.app;

import io.edgescope.detect.CocoLabels;
import io.edgescope.detect.onnx.DetectorSettings;
import io.edgescope.detect.yolox.YoloxDecoder;
import io.edgescope.split.GraphPartitioner;
import io.edgescope.split.OnnxGraph;
import io.edgescope.split.SplitHead;
import io.edgescope.split.SplitModel;
import io.edgescope.split.SplitPlanId;
import io.edgescope.split.SplitTail;
import io.edgescope.split.TransferLayers;
import io.edgescope.topology.SplitParts;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Split parts of one YOLOX variant's ONNX model: head and tail models cut once per cut and shared; sessions per caller. */
public final class OnnxSplitParts implements SplitParts {

    private final String variantId;
    private final OnnxGraph graph;
    private final int inputSize;
    private final DetectorSettings settings;
    private final Map<String, SplitModel> models = new ConcurrentHashMap<>();

    public OnnxSplitParts(String variantId, byte[] onnx, int inputSize, DetectorSettings settings) {
        this.variantId = variantId;
        this.graph = OnnxGraph.parse(onnx);
        this.inputSize = inputSize;
        this.settings = settings;
    }

    @Override
    public String variantId() {
        return variantId;
    }

    @Override
    public SplitHead head(SplitPlanId plan) {
        return new SplitHead(model(plan), TransferLayers.byId(plan.layer()), inputSize, settings.intraOpThreads(), settings.spinning());
    }

    @Override
    public SplitTail tail(SplitPlanId plan) {
        return new SplitTail(model(plan), TransferLayers.byId(plan.layer()), inputSize,
                new YoloxDecoder(inputSize, CocoLabels.names(), settings.scoreThreshold()), settings.nmsIou(), settings.intraOpThreads(),
                settings.spinning());
    }

    private SplitModel model(SplitPlanId plan) {
        return models.computeIfAbsent(plan.cut(), cut -> GraphPartitioner.split(graph, GraphPartitioner.cutPoint(graph, cut, Integer.MAX_VALUE)));
    }
}
