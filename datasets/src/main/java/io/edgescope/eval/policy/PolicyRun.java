package io.edgescope.eval.policy;

import java.util.Map;

/**
 * How a policy did on a timeline.
 *
 * @param ap50 real-time AP50 over every frame at the camera's rate
 * @param ap50ByPart real-time AP50 of each part (segment @ load), for the oracle
 * @param processedByVariant frames each variant processed
 * @param switches variant changes between consecutive processed frames
 * @param droppedFraction share of frames never processed
 */
public record PolicyRun(String policy, double ap50, Map<String, Double> ap50ByPart, Map<String, Integer> processedByVariant,
                        int switches, double droppedFraction) {
}
