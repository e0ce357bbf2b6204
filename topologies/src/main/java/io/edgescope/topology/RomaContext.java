package io.edgescope.topology;

import io.edgescope.roma.AccuracyProfile;
import io.edgescope.roma.RomaSettings;
import java.util.Optional;

/**
 * What streams with the ROMA policy need: the candidates' offline accuracy profile (absent: ROMA
 * streams run their rule or default variant) and ROMA's knobs.
 */
public record RomaContext(Optional<AccuracyProfile> profile, RomaSettings settings) {

    public static RomaContext disabled() {
        return new RomaContext(Optional.empty(), RomaSettings.DEFAULT);
    }

    public static RomaContext of(AccuracyProfile profile, RomaSettings settings) {
        return new RomaContext(Optional.of(profile), settings);
    }
}
