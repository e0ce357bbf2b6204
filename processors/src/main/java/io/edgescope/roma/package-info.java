/**
 * ROMA: picks, per stream and at run time, the detector variant with the best <em>real-time</em>
 * accuracy, without labels. Pure logic: no Kafka, no DJL.
 *
 * <p>The model, after ROMA (WACV 2023, arXiv 2210.16083) as reconstructed in
 * {@code ../shared/papers/algorithms.md}; where the paper's details are not known to us the
 * choices below are ours and are configuration:
 * <ul>
 *   <li>offline, per variant, AP50 and recall per object-size bucket ({@link AccuracyProfile});
 *       size = square root of the box area as a fraction of the frame's long side, so one table
 *       serves every resolution (it maps straight to pixels of the letterboxed network input);</li>
 *   <li>at run time, the size distribution of the stream's recent detections
 *       ({@link SizeHistogram}), corrected for what the running variant misses (divided by its
 *       recall per bucket) — our extension;</li>
 *   <li>each variant's latency as measured now ({@link LatencyTracker}): its own recent
 *       measurements, or, for variants not running, its offline latency scaled by how much slower
 *       than offline the host runs now;</li>
 *   <li>which results a viewer sees at that latency and frame rate ({@link StalenessModel}) and
 *       how much accuracy boxes lose per frame of age, from the objects' measured motion
 *       ({@link MotionModel}): a stale box still counts at IoU 0.5 when the object has not moved
 *       out of it. This replaces the paper's constant degradation factor beta by one measured per
 *       stream;</li>
 *   <li>real-time AP = expected AP x mean retention over the boxes shown ({@link RomaEstimator});
 *       the variant with the highest wins, with hysteresis ({@link RomaSelector}).</li>
 * </ul>
 */
package io.edgescope.roma;
