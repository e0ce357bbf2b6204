package io.edgescope.topology;

import io.edgescope.roma.AccuracyProfile;
import io.edgescope.roma.RomaSettings;
import io.edgescope.roma.SharedCores;
import java.util.Optional;

/**
 * What streams with the ROMA policy need: the candidates' offline accuracy profile (absent: ROMA
 * streams run their rule or default variant), ROMA's knobs, and the cores the process's ROMA streams share.
 */
public record RomaContext(Optional<AccuracyProfile> profile, RomaSettings settings, SharedCores cores) {

    public static RomaContext disabled() {
        return new RomaContext(Optional.empty(), RomaSettings.DEFAULT, new SharedCores(0));
    }

    /** ROMA on, every ROMA stream of the process on one set of shared cores. */
    public static RomaContext of(AccuracyProfile profile, RomaSettings settings) {
        return new RomaContext(Optional.of(profile), settings, new SharedCores(settings.contentionSlowdown()));
    }
}
