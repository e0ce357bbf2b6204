package io.edgescope.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Class-wise greedy non-maximum suppression. */
public final class Nms {

    private Nms() {
    }

    /**
     * Keeps, per class, the highest-scoring boxes and drops any box overlapping a kept one of the same
     * class by more than {@code iouThreshold}. Result is sorted by score, highest first.
     */
    public static List<Detection> classWise(List<Detection> candidates, float iouThreshold) {
        Map<Integer, List<Detection>> byClass = candidates.stream().collect(Collectors.groupingBy(Detection::classId));
        List<Detection> kept = new ArrayList<>();
        for (List<Detection> sameClass : byClass.values()) {
            kept.addAll(greedy(sameClass, iouThreshold));
        }
        kept.sort(Comparator.comparingDouble(Detection::score).reversed());
        return kept;
    }

    private static List<Detection> greedy(List<Detection> boxes, float iouThreshold) {
        List<Detection> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection candidate : sorted) {
            boolean suppressed = false;
            for (Detection k : kept) {
                if (candidate.iou(k) > iouThreshold) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(candidate);
            }
        }
        return kept;
    }
}
