package io.edgescope.roma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class RomaSelectorTest {

    private static final double INTERVAL = 50;
    private static final RomaSettings SETTINGS = new RomaSettings(5, 0.02, 0.25, 0.3, 0.9, 3, 100, 0.02, 0.5, 2.0, 0, 0, 0);

    /** Runs {@code frames} frames of large objects moving 0.1 box/frame at the given load; returns the variant after. */
    private static String run(RomaSelector roma, long[] frame, int frames, double loadFactor) {
        return run(roma, frame, frames, loadFactor, 0, 12);
    }

    /** As above, objects moving {@code pixelsPerFrame}, the stream spending {@code overheadMillis} on each frame besides the detector. */
    private static String run(RomaSelector roma, long[] frame, int frames, double loadFactor, double overheadMillis, double pixelsPerFrame) {
        for (int i = 0; i < frames; i++) {
            String v = roma.current();
            double latency = RomaFixtures.profile().variant(v).latencyMillis() * loadFactor;
            roma.observe(v, RomaFixtures.boxes(4, 120, frame[0] * pixelsPerFrame), RomaFixtures.FRAME, 600, frame[0], latency, overheadMillis);
            frame[0] += Math.max(1, (long) Math.ceil((latency + overheadMillis) / INTERVAL));
            roma.decide(INTERVAL);
        }
        return roma.current();
    }

    @Test
    void shouldSwitchToTheLighterVariantWhenLatencyRisesAndBackWhenItFalls() {
        RomaSelector roma = new RomaSelector(RomaFixtures.profile(), SETTINGS, "big");
        long[] frame = {0};
        assertThat(run(roma, frame, 20, 1.0)).isEqualTo("big");
        assertThat(run(roma, frame, 20, 4.0)).isEqualTo("small");
        assertThat(run(roma, frame, 20, 1.0)).isEqualTo("big");
    }

    @Test
    void shouldCountTheTimeSpentOnAFrameBesidesTheDetectorAgainstEveryVariant() {
        RomaSelector roma = new RomaSelector(RomaFixtures.profile(), SETTINGS, "big");
        long[] frame = {0};
        // objects moving 0.3 box per frame: a box one frame old still hits (IoU 0.54), two frames old it misses
        assertThat(run(roma, frame, 20, 1.0, 0, 36)).as("big's 40 ms fit the 50 ms interval").isEqualTo("big");
        assertThat(run(roma, frame, 20, 1.0, 45, 36)).as("with 45 ms of decoding big's results come two frames late, small's one")
                .isEqualTo("small");
        assertThat(run(roma, frame, 20, 1.0, 0, 36)).isEqualTo("big");
    }

    @Test
    void shouldNotFlapBetweenVariantsWithinTheMargin() {
        // "a" is 1.25 % better on small objects, "b" 1.25 % better on large ones: inside the 2 % margin either way
        AccuracyProfile twins = AccuracyProfile.of(RomaFixtures.TWO_BUCKETS, List.of(
                new VariantAccuracy("a", 0.80, new double[] {0.81, 0.80}, new double[] {0.9, 0.9}, 10),
                new VariantAccuracy("b", 0.81, new double[] {0.80, 0.81}, new double[] {0.9, 0.9}, 10)));
        RomaSelector roma = new RomaSelector(twins, SETTINGS, "a");
        roma.observe("a", RomaFixtures.boxes(3, 120, 0), RomaFixtures.FRAME, 600, 0, 10);
        assertThat(roma.decide(INTERVAL)).map(Decision::reason).contains(RomaSelector.FIRST);
        assertThat(roma.current()).as("the first choice replaces the arbitrary start, margin or not").isEqualTo("b");
        int switches = 0;
        for (int i = 1; i < 100; i++) {
            roma.observe(roma.current(), RomaFixtures.boxes(3, 20, 0), RomaFixtures.FRAME, 600, i, 10);
            Optional<Decision> d = roma.decide(INTERVAL);
            switches += d.filter(Decision::switched).isPresent() ? 1 : 0;
        }
        assertThat(switches).isZero();
        assertThat(roma.current()).isEqualTo("b");
    }

    @Test
    void shouldMoveToTheLightestVariantWhoseEstimateIsWithinTheToleranceOfTheBest() {
        // "tiny" is poor; "light" and "heavy" both fit the interval easily, "heavy" 1 % more accurate
        AccuracyProfile close = AccuracyProfile.of(RomaFixtures.TWO_BUCKETS, List.of(
                new VariantAccuracy("tiny", 0.50, new double[] {0.50, 0.50}, new double[] {0.9, 0.9}, 2),
                new VariantAccuracy("light", 0.80, new double[] {0.80, 0.80}, new double[] {0.9, 0.9}, 5),
                new VariantAccuracy("heavy", 0.808, new double[] {0.808, 0.808}, new double[] {0.9, 0.9}, 10)));
        double tolerance = 0.02;
        RomaSettings tolerant = new RomaSettings(5, 0.02, 0.25, 0.3, 0.9, 3, 100, 0.02, 0.5, 2.0, 0, tolerance, 0);
        assertThat(firstMoveFromTiny(close, tolerant)).isEqualTo("light");
        assertThat(firstMoveFromTiny(close, SETTINGS)).as("without a tolerance the best estimate wins however close").isEqualTo("heavy");
    }

    private static String firstMoveFromTiny(AccuracyProfile profile, RomaSettings settings) {
        RomaSelector roma = new RomaSelector(profile, settings, "tiny");
        roma.observe("tiny", RomaFixtures.boxes(3, 120, 0), RomaFixtures.FRAME, 600, 0, 2);
        assertThat(roma.decide(INTERVAL)).map(Decision::reason).contains(RomaSelector.FIRST);
        return roma.current();
    }

    @Test
    void shouldDecideOverSyntheticFramesWhenWarmingUp() {
        int decisions = RomaSelector.warmUp(RomaFixtures.profile(), SETTINGS);
        assertThat(decisions).as("the throwaway selectors' first decisions, then both streams' prior, first and every periodic decision at least")
                .isGreaterThan(2 * 500 + 2 * 2000 / SETTINGS.reselectEveryFrames());
    }

    @Test
    void shouldDecideEveryFewFramesOrAtOnceWhenLatencyJumps() {
        RomaSelector roma = new RomaSelector(RomaFixtures.profile(), SETTINGS, "small");
        roma.observe("small", List.of(), RomaFixtures.FRAME, 600, 0, 10);
        assertThat(roma.decide(INTERVAL)).map(Decision::reason).contains(RomaSelector.FIRST);
        roma.observe("small", List.of(), RomaFixtures.FRAME, 600, 1, 10);
        assertThat(roma.decide(INTERVAL)).isEmpty();
        roma.observe("small", List.of(), RomaFixtures.FRAME, 600, 2, 30);
        assertThat(roma.decide(INTERVAL)).map(Decision::reason).contains(RomaSelector.LATENCY);
    }

    @Test
    void shouldDecideAtOnceWhenTheObjectSizesChangeButNotWhileTheyStay() {
        RomaSettings rarely = new RomaSettings(1000, 0.02, 0.25, 0.3, 0.9, 3, 100, 0.02, 0.5, 2.0, 0, 0, 0);
        RomaSelector roma = new RomaSelector(RomaFixtures.profile(), rarely, "big");
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            roma.observe("big", RomaFixtures.boxes(4, 120, 0), RomaFixtures.FRAME, 600, i, 40);
            roma.decide(INTERVAL).ifPresent(d -> reasons.add(d.reason()));
        }
        assertThat(reasons).containsExactly(RomaSelector.FIRST);
        for (int i = 20; i < 40 && reasons.size() == 1; i++) {
            roma.observe("big", RomaFixtures.boxes(4, 20, 0), RomaFixtures.FRAME, 600, i, 40);
            roma.decide(INTERVAL).ifPresent(d -> reasons.add(d.reason()));
        }
        assertThat(reasons).containsExactly(RomaSelector.FIRST, RomaSelector.SCENE);
    }

    @Test
    void shouldPickTheAccurateVariantWhenSmallObjectsAppear() {
        RomaSelector roma = new RomaSelector(RomaFixtures.profile(), SETTINGS, "small");
        for (int i = 0; i < 10; i++) {
            roma.observe(roma.current(), RomaFixtures.boxes(5, 20, 0), RomaFixtures.FRAME, 600, i, 10);
            roma.decide(INTERVAL);
        }
        assertThat(roma.current()).isEqualTo("big");
    }

    @Test
    void shouldUseWhatIsKnownInHindsightInsteadOfItsEstimates() {
        Hindsight smallIsBetter = new Hindsight() {
            @Override
            public Optional<ToDoubleFunction<String>> accuracyAt(long frame) {
                return Optional.of(id -> id.equals("small") ? 0.9 : 0.1);
            }

            @Override
            public Optional<Function<String, double[]>> latencyAt(long frame) {
                return Optional.empty();
            }
        };
        RomaSelector roma = new RomaSelector(RomaFixtures.profile(), SETTINGS, "big", smallIsBetter);
        roma.observe("big", RomaFixtures.boxes(5, 20, 0), RomaFixtures.FRAME, 600, 0, 40);
        Decision d = roma.decide(INTERVAL).orElseThrow();
        assertThat(d.variantId()).isEqualTo("small");
        assertThat(d.estimates()).filteredOn(e -> e.variantId().equals("big")).singleElement()
                .satisfies(e -> assertThat(e.expectedAp()).isEqualTo(0.1));
    }

    @Test
    void shouldStartOnTheBestVariantOfTheProfileBeforeSeeingAFrameAndDecideAgainAfterTheFirst() {
        RomaSelector roma = new RomaSelector(RomaFixtures.profile(), SETTINGS, "small");
        Optional<Decision> prior = roma.decide(INTERVAL);
        assertThat(prior).hasValueSatisfying(d -> {
            assertThat(d.reason()).isEqualTo(RomaSelector.PRIOR);
            assertThat(d.variantId()).isEqualTo("big");
        });
        assertThat(roma.decide(INTERVAL)).isEmpty();
        roma.observe("big", RomaFixtures.boxes(4, 120, 0), RomaFixtures.FRAME, 600, 0, 40);
        assertThat(roma.decide(INTERVAL)).hasValueSatisfying(d -> assertThat(d.reason()).isEqualTo(RomaSelector.FIRST));
    }

    @Test
    void shouldNotStartOnAVariantThatOnlyJustFitsTheFrameIntervalOffline() {
        // "slow" is slightly better but fits a 42 ms interval only if the host runs at its profiled speed, which is not known yet
        AccuracyProfile close = AccuracyProfile.of(RomaFixtures.TWO_BUCKETS, List.of(
                new VariantAccuracy("fast", 0.800, new double[] {0.8, 0.8}, new double[] {0.9, 0.9}, 10),
                new VariantAccuracy("slow", 0.805, new double[] {0.805, 0.805}, new double[] {0.9, 0.9}, 40)));
        assertThat(new RomaSelector(close, SETTINGS, "slow").decide(42)).hasValueSatisfying(d -> assertThat(d.variantId()).isEqualTo("fast"));
        assertThat(new RomaSelector(close, SETTINGS, "fast").decide(60)).hasValueSatisfying(d -> assertThat(d.variantId()).isEqualTo("slow"));
    }

    @Test
    void shouldKeepALighterVariantWhenItsHeavierChoiceWouldCostAnotherStreamOnTheCoresMore() {
        // small objects: "big" is far better for this stream, and fits the interval at the contention the other stream causes
        assertThat(chooseBesideSensitiveStream(0)).as("streams that do not interact").isEqualTo("big");
        assertThat(chooseBesideSensitiveStream(1)).as("big would push the other stream past its interval")
                .isEqualTo("small");
    }

    private static String chooseBesideSensitiveStream(double slowdown) {
        SharedCores cores = new SharedCores(slowdown);
        SharedCores.Member other = cores.join();
        // the other stream is busy a fifth of the time and right at its interval: 25 % slower costs it half its AP
        other.publish(0.2, new double[] {0.8, 0.4, 0.2, 0.1});
        RomaSelector roma = new RomaSelector(RomaFixtures.profile(), SETTINGS, "small", cores.join());
        for (int f = 0; f < 3; f++) {
            roma.observe("small", RomaFixtures.boxes(4, 20, f), RomaFixtures.FRAME, 600, f, 10 * (1 + 0.2 * slowdown));
            roma.decide(INTERVAL);
        }
        return roma.current();
    }

    @Test
    void shouldMoveLighterWhenAnotherStreamTakesTheCoresBeforeItsOwnLatencyShowsIt() {
        SharedCores cores = new SharedCores(1);
        RomaSelector roma = new RomaSelector(RomaFixtures.profile(), SETTINGS, "big", cores.join());
        // small objects moving 0.4 of their size per frame: a box one frame old misses
        for (int f = 0; f < 3; f++) {
            roma.observe("big", RomaFixtures.boxes(4, 20, 8.0 * f), RomaFixtures.FRAME, 600, f, 40);
            roma.decide(INTERVAL);
        }
        assertThat(roma.current()).isEqualTo("big");
        cores.join().publish(1, new double[] {0.8, 0.8, 0.8, 0.8});
        Optional<Decision> next = roma.decide(INTERVAL);
        assertThat(next).as("a decision as soon as the contention doubled the estimated latency")
                .hasValueSatisfying(d -> assertThat(d.reason()).isEqualTo(RomaSelector.LATENCY));
        assertThat(roma.current()).as("big would now take 80 ms of a 50 ms interval").isEqualTo("small");
    }

    @Test
    void shouldTellTheOtherStreamsHowBusyItsDetectorIs() {
        SharedCores cores = new SharedCores(0.5);
        SharedCores.Member watcher = cores.join();
        watcher.publish(0, new double[] {0.8, 0.8, 0.8, 0.8});
        RomaSelector roma = new RomaSelector(RomaFixtures.profile(), SETTINGS, "small", cores.join());
        roma.observe("small", RomaFixtures.boxes(4, 120, 0), RomaFixtures.FRAME, 600, 0, 10);
        roma.decide(INTERVAL);
        assertThat(roma.current()).as("large objects: big is a little better and fits the interval").isEqualTo("big");
        assertThat(watcher.contention()).as("40 ms of every 50").isCloseTo(1 + 0.5 * 0.8, offset(1e-9));
    }

    @Test
    void shouldTakeTheContentionItsDetectionsMeasuredWhenAnotherStreamRunsInStepWithIt() {
        AtomicLong nanos = new AtomicLong();
        SharedCores cores = new SharedCores(1, nanos::get);
        SharedCores.Member other = cores.join();
        // a stream already running: 25 ms of every 50
        double[] flat = {0.8, 0.8, 0.8, 0.8};
        other.publish(0.5, flat);
        RomaSelector roma = new RomaSelector(RomaFixtures.profile(), SETTINGS, "small", cores.join());
        long millis = 1_000_000;
        List<Decision> decisions = new ArrayList<>();
        for (int f = 0; f < 12; f++) {
            // both cameras take the frame that has just arrived: the other's 25 ms inference covers all 20 ms of this one's
            other.startDetecting();
            roma.detecting();
            nanos.addAndGet(20 * millis);
            // large objects moving half their size per frame: "big", slower than the frame interval here, would show stale boxes
            roma.observe("small", RomaFixtures.boxes(4, 120, 60.0 * f), RomaFixtures.FRAME, 600, f, 20);
            nanos.addAndGet(5 * millis);
            other.finishDetecting();
            other.publish(0.5, flat);
            nanos.addAndGet(25 * millis);
            roma.decide(INTERVAL).ifPresent(decisions::add);
        }
        assertThat(roma.current()).isEqualTo("small");
        assertThat(decisions).as("first and periodic").hasSizeGreaterThan(1).allSatisfy(d -> assertThat(d.estimates())
                .filteredOn(e -> e.variantId().equals("small")).singleElement()
                .satisfies(e -> assertThat(e.latencyMillis())
                        .as("20 ms as measured beside the other's inferences, where its duty cycle of 0.5 alone says 15")
                        .isCloseTo(20, offset(1e-6))));
    }

    @Test
    void shouldKeepTheHostLoadSteadyWhenAnotherStreamsDetectionsOverlapItsOwnOnlyNowAndThen() {
        assertThat(loadsAfterChanceOverlaps(true)).as("each measurement's contention measured").isNotEmpty()
                .allSatisfy(load -> assertThat(load).isCloseTo(1, offset(1e-9)));
        assertThat(loadsAfterChanceOverlaps(false)).as("inferred from duty cycles nobody published: the overlaps look like load")
                .anySatisfy(load -> assertThat(load).isGreaterThan(1.3));
    }

    /** Every other detection of "small" (10 ms alone) runs beside another stream's and takes twice as long; the load of each decision. */
    private static List<Double> loadsAfterChanceOverlaps(boolean marked) {
        AtomicLong nanos = new AtomicLong();
        SharedCores cores = new SharedCores(1, nanos::get);
        SharedCores.Member other = cores.join();
        RomaSelector roma = new RomaSelector(RomaFixtures.profile(), SETTINGS, "small", cores.join());
        long millis = 1_000_000;
        List<Double> loads = new ArrayList<>();
        for (int f = 0; f < 12; f++) {
            boolean overlapped = f % 2 == 1;
            long latency = overlapped ? 20 * millis : 10 * millis;
            if (marked) {
                roma.detecting();
            }
            if (overlapped) {
                other.startDetecting();
            }
            nanos.addAndGet(latency);
            if (overlapped) {
                other.finishDetecting();
            }
            roma.observe("small", RomaFixtures.boxes(4, 120, 0), RomaFixtures.FRAME, 600, f, latency / (double) millis);
            roma.decide(INTERVAL).ifPresent(d -> loads.add(d.loadFactor()));
        }
        return loads;
    }
}
