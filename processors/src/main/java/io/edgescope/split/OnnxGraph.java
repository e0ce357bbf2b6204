package io.edgescope.split;

import io.edgescope.onnx.ProtoMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of an ONNX model that partitioning needs, read from its protobuf bytes: the nodes in
 * (topological) order with their input and output tensor names, initializer names, graph inputs and
 * outputs, and each tensor's declared type where the model stores one.
 */
public final class OnnxGraph {

    static final int MODEL_GRAPH = 7;
    static final int GRAPH_NODE = 1;
    static final int GRAPH_INITIALIZER = 5;
    static final int GRAPH_INPUT = 11;
    static final int GRAPH_OUTPUT = 12;
    static final int GRAPH_VALUE_INFO = 13;
    static final int NODE_INPUT = 1;
    static final int NODE_OUTPUT = 2;
    static final int NODE_NAME = 3;
    static final int NODE_OP_TYPE = 4;
    static final int TENSOR_NAME = 8;
    static final int VALUE_INFO_NAME = 1;
    static final int VALUE_INFO_TYPE = 2;

    /** One operator: its name, type and the tensors it reads and writes. */
    public record Node(String name, String opType, List<String> inputs, List<String> outputs) {
    }

    private final ProtoMessage model;
    private final ProtoMessage graph;
    private final List<Node> nodes;
    private final List<ProtoMessage> nodeMessages;
    private final Set<String> initializers;
    private final List<String> inputs;
    private final List<String> outputs;
    private final Map<String, ProtoMessage> valueInfo = new HashMap<>();

    private OnnxGraph(ProtoMessage model) {
        this.model = model;
        this.graph = model.messages(MODEL_GRAPH).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an ONNX model: no graph"));
        this.nodeMessages = graph.messages(GRAPH_NODE);
        List<Node> list = new ArrayList<>(nodeMessages.size());
        for (ProtoMessage n : nodeMessages) {
            list.add(new Node(n.string(NODE_NAME), n.string(NODE_OP_TYPE), n.strings(NODE_INPUT), n.strings(NODE_OUTPUT)));
        }
        this.nodes = List.copyOf(list);
        Set<String> inits = new HashSet<>();
        graph.messages(GRAPH_INITIALIZER).forEach(t -> inits.add(t.string(TENSOR_NAME)));
        this.initializers = Set.copyOf(inits);
        List<String> in = new ArrayList<>();
        for (ProtoMessage v : graph.messages(GRAPH_INPUT)) {
            valueInfo.put(v.string(VALUE_INFO_NAME), v);
            if (!initializers.contains(v.string(VALUE_INFO_NAME))) {
                in.add(v.string(VALUE_INFO_NAME));
            }
        }
        this.inputs = List.copyOf(in);
        List<String> out = new ArrayList<>();
        for (ProtoMessage v : graph.messages(GRAPH_OUTPUT)) {
            valueInfo.put(v.string(VALUE_INFO_NAME), v);
            out.add(v.string(VALUE_INFO_NAME));
        }
        this.outputs = List.copyOf(out);
        graph.messages(GRAPH_VALUE_INFO).forEach(v -> valueInfo.putIfAbsent(v.string(VALUE_INFO_NAME), v));
    }

    public static OnnxGraph parse(byte[] onnx) {
        return new OnnxGraph(ProtoMessage.parse(onnx));
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** Graph inputs that are fed at run time (not initializers). */
    public List<String> inputs() {
        return inputs;
    }

    public List<String> outputs() {
        return outputs;
    }

    public boolean isInitializer(String tensor) {
        return initializers.contains(tensor);
    }

    ProtoMessage model() {
        return model;
    }

    ProtoMessage graph() {
        return graph;
    }

    List<ProtoMessage> nodeMessages() {
        return nodeMessages;
    }

    /** The stored value info (name and type) of a tensor, if the model has one. */
    ProtoMessage valueInfo(String tensor) {
        return valueInfo.get(tensor);
    }
}
