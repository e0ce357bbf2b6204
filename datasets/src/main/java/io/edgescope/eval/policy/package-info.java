/**
 * Trace-driven replay of variant-selection policies (ROMA and its baselines) over labelled
 * timelines: which frames a policy's detector processes at the latencies measured on this host,
 * what a viewer sees, and the real-time AP50 that results.
 */
package io.edgescope.eval.policy;
