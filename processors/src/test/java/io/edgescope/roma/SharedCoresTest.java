package io.edgescope.roma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SharedCoresTest {

    private static final double[] FLAT = {0.8, 0.8, 0.8, 0.8};
    /** A stream near its frame interval: every bit of load costs it real-time AP. */
    private static final double[] STEEP = {0.8, 0.7, 0.6, 0.4};
    private static final double TOLERANCE = 1e-9;

    @Test
    void shouldSeeNoContentionAndCostNothingAlone() {
        SharedCores.Member alone = SharedCores.alone();
        assertThat(alone.contention()).isEqualTo(1);
        assertThat(alone.view().impactOf(0.3, c -> 0.9)).isEqualTo(new SharedCores.Impact(1, 0));
    }

    @Test
    void shouldSlowAStreamByTheOtherStreamsDutyCycles() {
        SharedCores cores = new SharedCores(0.5);
        SharedCores.Member a = cores.join();
        SharedCores.Member b = cores.join();
        SharedCores.Member c = cores.join();
        a.publish(0.4, FLAT);
        b.publish(1.7, FLAT);
        assertThat(c.contention()).as("0.4 plus b's duty capped at 1").isCloseTo(1 + 0.5 * 1.4, within(TOLERANCE));
        assertThat(a.contention()).as("a does not count itself").isCloseTo(1.5, within(TOLERANCE));
    }

    @Test
    void shouldCountAHeavierChoiceAgainstTheOtherStreamsRealtimeAp() {
        SharedCores cores = new SharedCores(1);
        SharedCores.Member a = cores.join();
        SharedCores.Member b = cores.join();
        a.publish(0.3, FLAT);
        b.publish(0.5, STEEP);

        SharedCores.Impact heavier = a.view().impactOf(0.3, c -> 0.9);

        // b sees a's duty go from 0.3 to 0.9: (1 + 0.9) / (1 + 0.3) times slower, so busier, which slows a in turn
        double bLoad = 1.9 / 1.3;
        assertThat(heavier.othersApChange()).isCloseTo(interpolate(bLoad) - 0.8, within(TOLERANCE)).isNegative();
        assertThat(heavier.contention()).isCloseTo(1 + 0.5 * bLoad, within(TOLERANCE));
        SharedCores.Impact same = a.view().impactOf(0.3, c -> 0.3);
        assertThat(same.othersApChange()).as("keeping its duty costs the others nothing").isCloseTo(0, within(TOLERANCE));
        assertThat(same.contention()).isCloseTo(1.5, within(TOLERANCE));
    }

    @Test
    void shouldTakeADetectorThatOverrunsItsIntervalAsBusyAllTheTime() {
        SharedCores cores = new SharedCores(1);
        SharedCores.Member a = cores.join();
        cores.join().publish(0.5, STEEP);
        SharedCores.Impact slower = a.view().impactOf(1.7, c -> 2.4);
        assertThat(slower.othersApChange()).as("busy all the time either way").isCloseTo(0, within(TOLERANCE));
        assertThat(slower.contention()).isCloseTo(1.5, within(TOLERANCE));
    }

    @Test
    void shouldMeasureTheContentionADetectionRanUnderFromTheOthersBusyTime() {
        AtomicLong now = new AtomicLong(1_000);
        SharedCores cores = new SharedCores(1, now::get);
        SharedCores.Member a = cores.join();
        SharedCores.Member b = cores.join();
        assertThat(a.finishDetecting()).as("nothing started").isEmpty();
        a.startDetecting();
        b.startDetecting();
        now.addAndGet(50);
        assertThat(b.finishDetecting()).as("a busy all of b's 50 ns").hasValue(2);
        now.addAndGet(50);
        assertThat(a.finishDetecting()).as("b busy half of a's 100 ns").hasValue(1.5);
        a.startDetecting();
        now.addAndGet(100);
        assertThat(a.finishDetecting()).as("alone").hasValue(1);
    }

    @Test
    void shouldExpectStreamsThatJustJoinedToRunLikeTheDecidingOneUntilTheyPublish() {
        AtomicLong now = new AtomicLong();
        SharedCores cores = new SharedCores(1, now::get);
        SharedCores.Member a = cores.join();
        SharedCores.Member b = cores.join();
        assertThat(a.view().hasOthers()).isTrue();
        assertThat(a.view().impactOf(0, c -> 0.5).contention()).as("b starts too and runs like a").isCloseTo(1.5, within(TOLERANCE));
        assertThat(a.contention()).as("nothing measured or published yet").isEqualTo(1);
        b.publish(0.2, FLAT);
        assertThat(a.view().impactOf(0, c -> 0.5).contention()).as("b's own duty once published, 1.5 times longer beside a's")
                .isCloseTo(1.3, within(TOLERANCE));
        SharedCores.Member late = cores.join();
        now.set(SharedCores.STALE_AFTER_NANOS + 1);
        assertThat(a.view().impactOf(0, c -> 0.5).contention()).as("b's share is stale, and a silent newcomer long gone").isEqualTo(1);
        assertThat(late.view().hasOthers()).isFalse();
    }

    @Test
    void shouldKeepTheStateOfTheCoresAViewWasTakenInWhileTheOthersPublish() {
        SharedCores cores = new SharedCores(1);
        SharedCores.Member a = cores.join();
        SharedCores.Member b = cores.join();
        b.publish(0.2, FLAT);
        SharedCores.View seen = a.view();
        b.publish(0.9, STEEP);
        cores.join().publish(0.5, FLAT);
        assertThat(seen.contention()).as("one decision's state: b at 0.2, no third stream").isCloseTo(1.2, within(TOLERANCE));
        assertThat(seen.impactOf(0.2, c -> 0.2).othersApChange()).isZero();
        assertThat(a.view().contention()).as("a new view sees both").isCloseTo(2.4, within(TOLERANCE));
    }

    /** STEEP between the response loads 1.25 and 1.5. */
    private static double interpolate(double load) {
        return 0.7 + (load - 1.25) / 0.25 * (0.6 - 0.7);
    }

    @Test
    void shouldReadAResponseFlatBeyondItsLoads() {
        SharedCores.Share share = new SharedCores.Share(0.5, STEEP, 0);
        assertThat(share.apAt(0.5)).isEqualTo(0.8);
        assertThat(share.apAt(1.05)).isCloseTo(0.78, within(TOLERANCE));
        assertThat(share.apAt(10)).isEqualTo(0.4);
    }

    @Test
    void shouldForgetAStreamThatStoppedPublishingOrLeft() {
        AtomicLong now = new AtomicLong();
        SharedCores cores = new SharedCores(1, now::get);
        SharedCores.Member a = cores.join();
        SharedCores.Member b = cores.join();
        SharedCores.Member c = cores.join();
        a.publish(0.5, FLAT);
        b.publish(0.5, FLAT);
        assertThat(c.contention()).isEqualTo(2);
        b.close();
        assertThat(c.contention()).isEqualTo(1.5);
        now.set(SharedCores.STALE_AFTER_NANOS + 1);
        assertThat(c.contention()).isEqualTo(1);
    }
}
