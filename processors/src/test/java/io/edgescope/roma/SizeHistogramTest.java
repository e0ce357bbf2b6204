package io.edgescope.roma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SizeHistogramTest {

    @Test
    void shouldCorrectTheSharesForWhatTheRunningVariantMisses() {
        SizeHistogram h = new SizeHistogram(RomaFixtures.TWO_BUCKETS, 1.0);
        // one small (20 px of 1000) and one large (100 px) box, seen by a variant with recall 0.25 / 0.9 there
        h.observe(List.of(new Box(0, 0, 20, 20), new Box(0, 0, 100, 100)), RomaFixtures.FRAME, 500);
        double[] shares = h.distribution(RomaFixtures.profile().variant("small")).orElseThrow();
        assertThat(shares[0]).isCloseTo(4.0 / (4.0 + 1 / 0.9), within(1e-9));
        assertThat(shares[0] + shares[1]).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void shouldDiscountBoxesOfASizeWhereTheRunningVariantIsMostlyWrong() {
        SizeBuckets buckets = RomaFixtures.TWO_BUCKETS;
        // the variant finds half the small objects, but only one small box in five is an object
        VariantAccuracy noisy = new VariantAccuracy("noisy", 0.7, new double[] {0.1, 0.8}, new double[] {0.5, 0.9},
                new double[] {0.2, 0.9}, 10);
        SizeHistogram h = new SizeHistogram(buckets, 1.0);
        h.observe(List.of(new Box(0, 0, 20, 20), new Box(0, 0, 20, 20), new Box(0, 0, 100, 100)), RomaFixtures.FRAME, 500);
        double[] shares = h.distribution(noisy).orElseThrow();
        double small = 2 * 0.2 / 0.5;
        double large = 0.9 / 0.9;
        assertThat(shares[0]).isCloseTo(small / (small + large), within(1e-9));
    }

    @Test
    void shouldForgetOldFramesAtTheDecayRate() {
        SizeHistogram h = new SizeHistogram(RomaFixtures.TWO_BUCKETS, 0.5);
        h.observe(List.of(new Box(0, 0, 20, 20)), RomaFixtures.FRAME, 500);
        h.observe(List.of(new Box(0, 0, 100, 100)), RomaFixtures.FRAME, 500);
        assertThat(h.counts()).containsExactly(0.5, 1.0);
    }

    @Test
    void shouldBeEmptyBeforeAnyObjectIsSeen() {
        assertThat(new SizeHistogram(RomaFixtures.TWO_BUCKETS, 0.9).distribution(null)).isEmpty();
    }
}
