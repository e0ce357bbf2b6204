package io.edgescope.split;

import io.edgescope.onnx.ProtoMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds where an ONNX graph can be cut and extracts the head and tail models. A cut after node k is
 * valid when the head has run at least one node, the tail at least one, the graph's own inputs are
 * not needed by the tail, and at most {@code maxTensors} tensors (not initializers) cross from head
 * to tail — the graph's order is topological, so those are the tensors produced at or before k and
 * read after k (or graph outputs). Multi-tensor cuts matter: a detector with a feature pyramid has
 * single-tensor cuts only early in its backbone.
 */
public final class GraphPartitioner {

    private static final int TYPE_TENSOR = 1;
    private static final int TENSOR_ELEM_TYPE = 1;
    private static final int FLOAT = 1;

    private GraphPartitioner() {
    }

    /** Every valid cut with at most {@code maxTensors} crossing tensors, in graph order. */
    public static List<CutPoint> cutPoints(OnnxGraph graph, int maxTensors) {
        List<OnnxGraph.Node> nodes = graph.nodes();
        int n = nodes.size();
        Map<String, Integer> producer = new HashMap<>();
        Map<String, Integer> lastUse = new HashMap<>();
        graph.inputs().forEach(t -> producer.put(t, -1));
        for (int i = 0; i < n; i++) {
            for (String t : nodes.get(i).outputs()) {
                producer.put(t, i);
            }
            for (String t : nodes.get(i).inputs()) {
                if (!t.isEmpty() && !graph.isInitializer(t)) {
                    lastUse.merge(t, i, Math::max);
                }
            }
        }
        graph.outputs().forEach(t -> lastUse.put(t, n));
        List<CutPoint> out = new ArrayList<>();
        for (int k = 0; k < n - 1; k++) {
            Set<String> crossing = new LinkedHashSet<>();
            for (Map.Entry<String, Integer> e : lastUse.entrySet()) {
                Integer p = producer.get(e.getKey());
                if (p != null && p <= k && e.getValue() > k) {
                    crossing.add(e.getKey());
                }
            }
            boolean needsInput = crossing.stream().anyMatch(graph.inputs()::contains);
            if (!crossing.isEmpty() && crossing.size() <= maxTensors && !needsInput) {
                out.add(new CutPoint(k, nodes.get(k).name(), sorted(crossing, producer), (k + 1) / (double) n));
            }
        }
        return out;
    }

    /** The cut named {@code id} (its last head node), among those with at most {@code maxTensors} tensors. */
    public static CutPoint cutPoint(OnnxGraph graph, String id, int maxTensors) {
        return cutPoints(graph, maxTensors).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("The model cannot be cut after '" + id + "' (no valid cut with at most "
                        + maxTensors + " tensors there)"));
    }

    /** Head and tail models of {@code graph} cut at {@code cut}: head outputs = tail inputs = the crossing tensors. */
    public static SplitModel split(OnnxGraph graph, CutPoint cut) {
        List<ProtoMessage> nodes = graph.nodeMessages();
        List<ProtoMessage> headNodes = nodes.subList(0, cut.afterNode() + 1);
        List<ProtoMessage> tailNodes = nodes.subList(cut.afterNode() + 1, nodes.size());
        List<ProtoMessage> crossing = cut.tensors().stream().map(t -> valueInfo(graph, t)).toList();
        byte[] head = model(graph, headNodes, graph.graph().messages(OnnxGraph.GRAPH_INPUT), crossing);
        byte[] tail = model(graph, tailNodes, crossing, graph.graph().messages(OnnxGraph.GRAPH_OUTPUT));
        return new SplitModel(cut, head, tail);
    }

    private static byte[] model(OnnxGraph graph, List<ProtoMessage> nodes, List<ProtoMessage> inputs, List<ProtoMessage> outputs) {
        Set<String> used = new HashSet<>();
        nodes.forEach(n -> used.addAll(n.strings(OnnxGraph.NODE_INPUT)));
        List<ProtoMessage.Field> fields = new ArrayList<>();
        for (ProtoMessage.Field f : graph.graph().fields()) {
            switch (f.number()) {
                case OnnxGraph.GRAPH_NODE, OnnxGraph.GRAPH_INPUT, OnnxGraph.GRAPH_OUTPUT, OnnxGraph.GRAPH_VALUE_INFO -> { }
                case OnnxGraph.GRAPH_INITIALIZER -> {
                    if (used.contains(f.message().string(OnnxGraph.TENSOR_NAME))) {
                        fields.add(f);
                    }
                }
                default -> fields.add(f);
            }
        }
        nodes.forEach(n -> fields.add(ProtoMessage.messageField(OnnxGraph.GRAPH_NODE, n)));
        inputs.stream().filter(v -> used.contains(v.string(OnnxGraph.VALUE_INFO_NAME)) || !graph.isInitializer(v.string(OnnxGraph.VALUE_INFO_NAME)))
                .forEach(v -> fields.add(ProtoMessage.messageField(OnnxGraph.GRAPH_INPUT, v)));
        outputs.forEach(v -> fields.add(ProtoMessage.messageField(OnnxGraph.GRAPH_OUTPUT, v)));
        ProtoMessage graphMessage = new ProtoMessage(fields);
        return graph.model().editMessages(OnnxGraph.MODEL_GRAPH, g -> graphMessage).toBytes();
    }

    /** The tensor's stored value info without its shape (shapes differ between variants), else a float tensor. */
    private static ProtoMessage valueInfo(OnnxGraph graph, String tensor) {
        ProtoMessage stored = graph.valueInfo(tensor);
        long elemType = FLOAT;
        if (stored != null) {
            for (ProtoMessage type : stored.messages(OnnxGraph.VALUE_INFO_TYPE)) {
                for (ProtoMessage t : type.messages(TYPE_TENSOR)) {
                    elemType = t.fields().stream().filter(f -> f.number() == TENSOR_ELEM_TYPE).mapToLong(ProtoMessage.Field::varint)
                            .findFirst().orElse(FLOAT);
                }
            }
        }
        ProtoMessage tensorType = new ProtoMessage(List.of(ProtoMessage.varintField(TENSOR_ELEM_TYPE, elemType)));
        ProtoMessage type = new ProtoMessage(List.of(ProtoMessage.messageField(TYPE_TENSOR, tensorType)));
        return new ProtoMessage(List.of(ProtoMessage.stringField(OnnxGraph.VALUE_INFO_NAME, tensor),
                ProtoMessage.messageField(OnnxGraph.VALUE_INFO_TYPE, type)));
    }

    private static List<String> sorted(Set<String> tensors, Map<String, Integer> producer) {
        List<String> out = new ArrayList<>(tensors);
        out.sort((a, b) -> Integer.compare(producer.get(a), producer.get(b)));
        return out;
    }
}
