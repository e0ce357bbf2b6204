package io.edgescope.topology;

import io.edgescope.roma.AccuracyProfile;
import io.edgescope.roma.RomaSettings;
import java.util.Optional;

/**
 * What streams with the ROMA policy need: the candidates' offline accuracy profile (absent: ROMA
 * streams run their rule or default variant), ROMA's knobs, and when a frame counts as stale.
 *
 * @param staleAfterIntervals a ROMA stream skips a frame older than this many frame intervals when its
 *                            turn comes (a newer frame is already waiting: real time takes the newest)
 */
public record RomaContext(Optional<AccuracyProfile> profile, RomaSettings settings, double staleAfterIntervals) {

    public static final double DEFAULT_STALE_INTERVALS = 1.5;

    public static RomaContext disabled() {
        return new RomaContext(Optional.empty(), RomaSettings.DEFAULT, DEFAULT_STALE_INTERVALS);
    }

    public static RomaContext of(AccuracyProfile profile, RomaSettings settings) {
        return new RomaContext(Optional.of(profile), settings, DEFAULT_STALE_INTERVALS);
    }
}
