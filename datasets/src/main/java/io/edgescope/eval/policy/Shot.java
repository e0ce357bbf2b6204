package io.edgescope.eval.policy;

import io.edgescope.eval.GtBox;
import java.util.List;

/**
 * One frame of a timeline.
 *
 * @param segment the content segment it belongs to (e.g. the source sequence)
 * @param clip the clip whose detections it reuses (a sequence, or a derived version of one)
 * @param sourceFrame its 1-based frame number in the clip
 * @param truth its labels
 */
public record Shot(String segment, String clip, int sourceFrame, int width, int height, List<GtBox> truth) {
    public Shot {
        truth = List.copyOf(truth);
    }
}
