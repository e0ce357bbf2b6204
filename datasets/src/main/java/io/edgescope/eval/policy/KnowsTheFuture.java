package io.edgescope.eval.policy;

/** A policy that is told which frame it is about to run on (only the hindsight oracle). */
public interface KnowsTheFuture {
    void upcoming(int frameIndex);
}
