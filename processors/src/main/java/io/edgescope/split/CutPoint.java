package io.edgescope.split;

import java.util.List;

/**
 * A place the graph can be cut: after node {@code afterNode} (index in topological order), with
 * exactly {@code tensors} crossing from head to tail.
 *
 * @param nodeName name of the last node of the head
 * @param headShare share of the graph's nodes in the head
 */
public record CutPoint(int afterNode, String nodeName, List<String> tensors, double headShare) {
    public CutPoint {
        tensors = List.copyOf(tensors);
    }

    /** Short id for plans and tables: the last head node's name. */
    public String id() {
        return nodeName;
    }
}
