package io.edgescope.eval.policy;

import io.edgescope.eval.ScoredBox;
import java.util.List;

/** Every variant's detections (of the class evaluated) on every frame of every clip, computed once. */
@FunctionalInterface
public interface DetectionBank {
    List<ScoredBox> boxes(String clip, String variantId, int sourceFrame);
}
