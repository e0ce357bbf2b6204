package io.edgescope.bench.roma;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgescope.app.TestDetectors;
import io.edgescope.eval.MotSequence;
import java.util.List;
import org.junit.jupiter.api.Test;

class RomaScenariosTest {

    private static final MotSequence TUD = MotSequence.load(TestDetectors.SHARED.resolve("datasets/TUD-Campus"));
    private static final MotSequence KITTI = MotSequence.load(TestDetectors.SHARED.resolve("datasets/KITTI-17"));

    @Test
    void shouldMeasureTheProfileOnEachSequenceAndItsSmallerVersionUnlessRecordedOnly() {
        assertThat(RomaScenarios.profileClips(List.of(TUD, KITTI), false)).extracting(MotSequence::name)
                .containsExactly("TUD-Campus", "KITTI-17", "TUD-Campus" + RomaScenarios.SMALLER_SUFFIX, "KITTI-17" + RomaScenarios.SMALLER_SUFFIX);
        assertThat(RomaScenarios.profileClips(List.of(TUD, KITTI), true)).extracting(MotSequence::name).containsExactly("TUD-Campus", "KITTI-17");
    }

    @Test
    void shouldLeaveASequenceAndItsSmallerVersionOutOfTheProfileForAnUnseenScene() {
        List<MotSequence> clips = RomaScenarios.profileClips(List.of(TUD, KITTI), false);
        assertThat(RomaScenarios.without(clips, KITTI)).extracting(MotSequence::name)
                .containsExactly("TUD-Campus", "TUD-Campus" + RomaScenarios.SMALLER_SUFFIX);
    }

    @Test
    void shouldTellWhichSequenceEachStaticScenarioShowsAndNoneForTheMixedOnes() {
        List<RomaScenarios.Scenario> all = RomaScenarios.all(List.of(TUD, KITTI), List.of(LoadCondition.IDLE_NAME), List.of(LoadCondition.IDLE_NAME));
        assertThat(all).filteredOn(s -> s.kind().equals(RomaScenarios.STATIC))
                .allSatisfy(s -> assertThat(s.timeline().name()).startsWith(s.source().name()));
        assertThat(all).filteredOn(s -> !s.kind().equals(RomaScenarios.STATIC)).isNotEmpty().allSatisfy(s -> assertThat(s.source()).isNull());
    }
}
