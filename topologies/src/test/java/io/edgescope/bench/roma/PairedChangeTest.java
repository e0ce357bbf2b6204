package io.edgescope.bench.roma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairedChangeTest {

    @Test
    void shouldAverageTheRoundsRelativeChangesWithTheirStandardError() {
        // +10 %, -10 %, +3 %: mean +1 %, sample standard deviation sqrt(((9^2) + (11^2) + (2^2)) / 2) = sqrt(103)
        PairedChange c = PairedChange.of(List.of(0.55, 0.72, 0.309), List.of(0.5, 0.8, 0.3));

        assertThat(c.meanPercent()).isCloseTo(1.0, within(1e-9));
        assertThat(c.standardErrorPercent()).isCloseTo(Math.sqrt(103.0 / 3), within(1e-9));
        assertThat(c.rounds()).isEqualTo(3);
    }

    @Test
    void shouldSeeAConsistentLeadThroughRoundsThatDifferMoreThanThePolicies() {
        // the policy is 2 % ahead in every round while the rounds themselves spread by 40 %
        PairedChange c = PairedChange.of(List.of(0.51, 0.714, 0.612), List.of(0.5, 0.7, 0.6));

        assertThat(c.meanPercent()).isCloseTo(2.0, within(1e-9));
        assertThat(c.standardErrorPercent()).isCloseTo(0, within(1e-9));
    }

    @Test
    void shouldLeaveTheErrorUnknownWithOneRound() {
        PairedChange c = PairedChange.of(List.of(0.45), List.of(0.5));

        assertThat(c.meanPercent()).isCloseTo(-10, within(1e-9));
        assertThat(c.standardErrorPercent()).isNaN();
    }

    @Test
    void shouldRefuseRoundsThatDoNotPair() {
        assertThatThrownBy(() -> PairedChange.of(List.of(0.5, 0.6), List.of(0.5))).isInstanceOf(IllegalArgumentException.class);
    }
}
