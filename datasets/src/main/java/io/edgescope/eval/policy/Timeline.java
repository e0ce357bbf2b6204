package io.edgescope.eval.policy;

import java.util.List;

/**
 * A camera's frames at a fixed rate, with the load the host is under over time. Neither segment
 * boundaries nor load changes are told to the policies.
 *
 * @param dynamic whether content or load changes during the run
 * @param phases load phases, ascending start; the first starts at 0
 */
public record Timeline(String name, boolean dynamic, double fps, List<Shot> shots, List<LoadPhase> phases) {

    private static final double MILLIS_PER_SECOND = 1000.0;

    public Timeline {
        shots = List.copyOf(shots);
        phases = List.copyOf(phases);
        if (phases.isEmpty() || phases.get(0).startMillis() != 0) {
            throw new IllegalArgumentException("a timeline needs a load phase starting at 0");
        }
        if (!(fps > 0) || shots.isEmpty()) {
            throw new IllegalArgumentException("a timeline needs frames and a positive frame rate");
        }
    }

    public double intervalMillis() {
        return MILLIS_PER_SECOND / fps;
    }

    public double arrivalMillis(int index) {
        return index * intervalMillis();
    }

    public String conditionAt(double millis) {
        String condition = phases.get(0).condition();
        for (LoadPhase p : phases) {
            if (p.startMillis() <= millis) {
                condition = p.condition();
            }
        }
        return condition;
    }

    /** The part of the run a frame belongs to for the oracle: its content segment and the load when it arrived. */
    public String partOf(int index) {
        return shots.get(index).segment() + " @ " + conditionAt(arrivalMillis(index));
    }
}
