package io.edgescope.bench.roma;

import io.edgescope.detect.BgrImage;
import io.edgescope.detect.Detector;
import io.edgescope.detect.DetectorFactory;
import io.edgescope.detect.variants.Variant;
import io.edgescope.eval.MotSequence;
import io.edgescope.eval.policy.AccuracyProfiles;
import io.edgescope.eval.policy.PolicyReplay;
import io.edgescope.eval.policy.PolicyRun;
import io.edgescope.eval.policy.RetentionCalibration;
import io.edgescope.eval.policy.ScheduledPolicy;
import io.edgescope.eval.policy.Shot;
import io.edgescope.eval.policy.Timeline;
import io.edgescope.image.ImageCodec;
import io.edgescope.media.ImageDirectorySource;
import io.edgescope.media.MediaException;
import io.edgescope.roma.AccuracyProfile;
import io.edgescope.roma.Decision;
import io.edgescope.roma.FitsIntervalPolicy;
import io.edgescope.roma.FixedPolicy;
import io.edgescope.roma.Hindsight;
import io.edgescope.roma.MotionModel;
import io.edgescope.roma.RomaPolicy;
import io.edgescope.roma.RomaSelector;
import io.edgescope.roma.RomaSettings;
import io.edgescope.roma.SizeBuckets;
import io.edgescope.roma.StalenessModel;
import io.edgescope.roma.TodPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * {@code bench roma}: every variant's detections on the labelled sequences (cached), every variant's
 * latency under each load condition (measured now, interleaved), the accuracy profile from them,
 * then every policy replayed on every scenario with the same latency draws: fixed variants,
 * fits-the-interval, TOD, ROMA and the per-segment oracle.
 */
public final class RomaBenchmark {

    public static final String FITS = "fits-interval";
    public static final String TOD = "tod";
    public static final String ROMA = "roma";
    public static final String ORACLE = "oracle";
    /** ROMA given the true offline AP of each content segment instead of estimating it from object sizes. */
    public static final String ROMA_KNOWN_CONTENT = "roma-known-content";
    /** ROMA given the latencies measured under the load of each moment instead of tracking them. */
    public static final String ROMA_KNOWN_LOAD = "roma-known-load";
    /** ROMA given both. */
    public static final String ROMA_KNOWN_BOTH = "roma-known-both";
    /**
     * ROMA given the true offline AP of the whole sequence it is watching (a perfect scene classifier with a profile per
     * scene): what a content signal could buy at best; the rest of "known content" is which variant happens to do best on
     * one stretch of a sequence, which no label-free signal predicts.
     */
    public static final String ROMA_KNOWN_SEQUENCE = "roma-known-sequence";
    /**
     * ROMA on a static scenario with a profile measured without the scenario's sequence (and its smaller version): how the
     * profile carries to a scene it has never seen. Needs two sequences or more.
     */
    public static final String ROMA_UNSEEN_SEQUENCE = "roma-unseen-sequence";
    static final String LABEL = "person";
    private static final int CONTENTION_STREAMS_HIGH = 4;
    private static final int CONTENTION_STREAMS_LOW = 2;
    static final double NANOS_PER_MICRO = 1000.0;
    private static final int CALIBRATION_MOTION_SAMPLES = 100_000;
    private static final double[] CALIBRATION_IOUS = {0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8};
    private static final double[] CALIBRATION_EXPONENTS = {1, 1.5, 2, 2.5, 3, 3.5, 4, 5, 6};

    /**
     * @param variants the candidates, any order
     * @param background the variant other streams run in the streams-N conditions
     * @param rounds interleaved latency rounds; {@code perRound} samples per variant and condition each round
     * @param todTolerance AP50 within which TOD takes the lighter variant for a size
     * @param calibrate fit ROMA's degradation to the fixed variants' runs before replaying ROMA
     * @param latencies a latency table to reuse when it exists and covers every variant and condition, else to write after measuring (null: measure, keep nothing)
     * @param seeds replays with seeds {@code seed}, {@code seed + 1}, ... of the latency draws, on the same measured latencies (at least 1)
     * @param recordedProfile measure the accuracy profile on the sequences as recorded only (default: with their smaller versions)
     */
    public record Options(List<MotSequence> sequences, List<Variant> variants, Variant background, int rounds, int perRound,
                          Path cacheDir, long maxPixels, SizeBuckets buckets, RomaSettings settings, double todTolerance, long seed,
                          boolean calibrate, Path latencies, int seeds, boolean recordedProfile) {
        public Options {
            if (seeds < 1) {
                throw new IllegalArgumentException("--seeds must be at least 1, got " + seeds);
            }
        }
    }

    /** One scenario's outcome: each policy's run by name, and ROMA's decisions. */
    public record ScenarioResult(String name, String kind, boolean dynamic, double fps, int frames, Map<String, PolicyRun> runs,
                                 List<String> fixedPolicies, Timeline timeline, List<Decision> decisions) {

        public PolicyRun run(String policy) {
            return runs.get(policy);
        }

        /** How long ROMA's decisions took. */
        public DecisionTimes decisionTimes() {
            return DecisionTimes.of(decisions);
        }

        /** The fixed policy with the best real-time AP50. */
        public PolicyRun bestFixed() {
            return fixedPolicies.stream().map(runs::get).max(Comparator.comparingDouble(PolicyRun::ap50)).orElseThrow();
        }
    }

    /**
     * Everything measured: {@code scenarios} and {@code calibration} are the first seed's; {@code bySeed} holds every seed's
     * scenarios (the first seed's first), in the same order.
     */
    public record Result(AccuracyProfile profile, Map<String, Map<String, Double>> medianLatency, List<String> todBySize,
                         RetentionCalibration.Fit calibration, boolean calibrated, List<ScenarioResult> scenarios,
                         List<List<ScenarioResult>> bySeed) {
    }

    /** One seed's replays: the degradation fitted to its fixed-variant runs, and every scenario's result. */
    private record SeedRun(RetentionCalibration.Fit fit, List<ScenarioResult> scenarios) {
    }

    private RomaBenchmark() {
    }

    /**
     * ROMA's offline step alone: every variant's AP50, recall and precision by size on the profile's clips (the sequences, and
     * their smaller versions unless the options say recorded only), with its median latency there.
     */
    public static AccuracyProfile profile(Options o, Function<Variant, DetectorFactory> models, Consumer<String> progress) {
        List<MotSequence> clips = profileClips(o);
        DetectionBankBuilder.Bank bank = DetectionBankBuilder.build(clips, o.variants(), models, LABEL, o.maxPixels(), o.cacheDir(), progress);
        Map<String, Double> latency = new LinkedHashMap<>();
        o.variants().forEach(v -> latency.put(v.id(), bank.medianLatency(v.id())));
        return AccuracyProfiles.measure(clips, bank, o.variants().stream().map(Variant::id).toList(), o.buckets(), latency);
    }

    /**
     * The clips the accuracy profile is measured on: each sequence and its smaller version (labelled objects of the sizes a wider view
     * shows, which the recorded sequences lack), or the sequences alone.
     */
    public static List<MotSequence> profileClips(Options o) {
        return RomaScenarios.profileClips(o.sequences(), o.recordedProfile());
    }

    public static Result run(Options o, Function<Variant, DetectorFactory> models, Consumer<String> progress) throws InterruptedException {
        List<String> ids = o.variants().stream().map(Variant::id).toList();
        List<MotSequence> clips = RomaScenarios.clips(o.sequences());
        DetectionBankBuilder.Bank bank = DetectionBankBuilder.build(clips, o.variants(), models, LABEL, o.maxPixels(), o.cacheDir(), progress);
        List<LoadCondition> conditions = List.of(LoadCondition.idle(), LoadCondition.cpuLoad(Runtime.getRuntime().availableProcessors()),
                LoadCondition.streams(CONTENTION_STREAMS_LOW), LoadCondition.streams(CONTENTION_STREAMS_HIGH));
        LatencyTable latencies = latencies(o, conditions, models, progress);
        Map<String, Double> offline = new LinkedHashMap<>();
        ids.forEach(id -> offline.put(id, latencies.median(LoadCondition.IDLE_NAME, id)));
        List<MotSequence> profiled = profileClips(o);
        AccuracyProfile profile = AccuracyProfiles.measure(profiled, bank, ids, o.buckets(), offline);
        Map<String, AccuracyProfile> unseen = new LinkedHashMap<>();
        if (o.sequences().size() > 1) {
            o.sequences().forEach(seq -> unseen.put(seq.name(),
                    AccuracyProfiles.measure(RomaScenarios.without(profiled, seq), bank, ids, o.buckets(), offline)));
        }
        List<RomaScenarios.Scenario> scenarios = RomaScenarios.all(o.sequences(), conditions.stream().map(LoadCondition::name).toList(),
                List.of(LoadCondition.IDLE_NAME, conditions.get(2).name(), conditions.get(3).name()));
        String initial = profile.middleByLatency();
        // as the detection service does at start: the decisions timed below are not the process's first
        RomaSelector.warmUp(profile, o.settings());
        // each segment's true accuracy (ROMA's hindsight) depends on the detections only, not on the seed: computed once
        TrueAccuracy truth = new TrueAccuracy(scenarios.stream().map(s -> segmentAccuracy(s.timeline(), bank, ids)).toList(),
                sequenceAccuracy(clips, bank, ids));
        List<SeedRun> runs = new ArrayList<>();
        for (long seed = o.seed(); seed < o.seed() + o.seeds(); seed++) {
            runs.add(replayAll(scenarios, truth, ids, bank, latencies, new Profiles(profile, unseen), initial, o, seed, progress));
        }
        Map<String, Map<String, Double>> medians = new LinkedHashMap<>();
        for (LoadCondition c : conditions) {
            Map<String, Double> m = new LinkedHashMap<>();
            ids.forEach(id -> m.put(id, latencies.median(c.name(), id)));
            medians.put(c.name(), m);
        }
        return new Result(profile, medians, new TodPolicy(profile, o.todTolerance(), initial).thresholds(), runs.get(0).fit(), o.calibrate(),
                runs.get(0).scenarios(), runs.stream().map(SeedRun::scenarios).toList());
    }

    /** The accuracy profile, and per sequence name one measured without that sequence (empty with a single sequence). */
    private record Profiles(AccuracyProfile all, Map<String, AccuracyProfile> withoutSequence) {
    }

    /** Every policy on every scenario with one seed of the latency draws, ROMA's degradation fitted to that seed's fixed-variant runs. */
    private static SeedRun replayAll(List<RomaScenarios.Scenario> scenarios, TrueAccuracy truth,
                                     List<String> ids, DetectionBankBuilder.Bank bank,
                                     LatencyTable latencies, Profiles profiles, String initial, Options o, long seed,
                                     Consumer<String> progress) {
        List<Map<String, PolicyRun>> fixedRuns = new ArrayList<>();
        for (RomaScenarios.Scenario s : scenarios) {
            progress.accept("seed " + seed + ": replaying fixed variants on " + s.timeline().name());
            Map<String, PolicyRun> fixed = new LinkedHashMap<>();
            ids.forEach(id -> fixed.put(id, PolicyReplay.run(s.timeline(), bank, latencies, new FixedPolicy(id), seed)));
            fixedRuns.add(fixed);
        }
        RetentionCalibration.Fit fit = calibrate(scenarios, fixedRuns, bank, latencies, o);
        RomaSettings settings = o.calibrate() ? withRetention(o.settings(), fit) : o.settings();
        List<ScenarioResult> results = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            progress.accept("seed " + seed + ": replaying the policies on " + scenarios.get(i).timeline().name());
            results.add(replay(scenarios.get(i), fixedRuns.get(i), truth.bySegment().get(i), truth.bySequence(), bank, latencies, profiles,
                    initial, settings, o, seed));
        }
        return new SeedRun(fit, results);
    }

    /**
     * Fits ROMA's degradation (stale-box IoU, exponent) to the fixed variants' runs on the static and contention
     * scenarios (never on ROMA's own results; the dynamic scenarios stay out of it).
     */
    private static RetentionCalibration.Fit calibrate(List<RomaScenarios.Scenario> scenarios, List<Map<String, PolicyRun>> fixedRuns,
                                                      DetectionBankBuilder.Bank bank, LatencyTable latencies, Options o) {
        List<RetentionCalibration.Sample> samples = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            Timeline t = scenarios.get(i).timeline();
            if (t.phases().size() != 1 || scenarios.get(i).kind().equals(RomaScenarios.DYNAMIC)) {
                continue;
            }
            for (Map.Entry<String, PolicyRun> e : fixedRuns.get(i).entrySet()) {
                double offline = PolicyReplay.offlineAp50(t, bank, e.getKey());
                if (!(offline > 0)) {
                    continue;
                }
                MotionModel motion = new MotionModel(CALIBRATION_MOTION_SAMPLES, o.settings().priorBeta());
                List<List<io.edgescope.roma.Box>> boxes = PolicyReplay.boxes(t, bank, e.getKey());
                for (int f = 1; f < boxes.size(); f++) {
                    motion.observe(boxes.get(f - 1), boxes.get(f), 1);
                }
                double[] weights = StalenessModel.weights(latencies.samples(t.phases().get(0).condition(), e.getKey()), t.intervalMillis());
                samples.add(new RetentionCalibration.Sample(t.name() + " " + e.getKey(), e.getValue().ap50() / offline, weights, motion));
            }
        }
        return RetentionCalibration.fit(samples, CALIBRATION_IOUS, CALIBRATION_EXPONENTS, o.settings().iouThreshold(),
                o.settings().retentionExponent());
    }

    private static RomaSettings withRetention(RomaSettings s, RetentionCalibration.Fit fit) {
        return new RomaSettings(s.reselectEveryFrames(), s.switchMargin(), s.latencyTrigger(), s.sceneTrigger(), s.histogramDecay(), s.latencyWindow(),
                s.motionSamples(), s.priorBeta(), fit.iouThreshold(), fit.exponent(), s.speedHalfLifeFrames(),
                s.lighterTolerance(), s.contentionSlowdown());
    }

    /**
     * @param apBySegment each variant's offline AP50 on each content segment of the scenario (the hindsight replays' content)
     * @param apBySequence each variant's offline AP50 on each whole sequence, by clip name
     */
    private static ScenarioResult replay(RomaScenarios.Scenario s, Map<String, PolicyRun> fixed, Map<String, Map<String, Double>> apBySegment,
                                         Map<String, Map<String, Double>> apBySequence,
                                         DetectionBankBuilder.Bank bank, LatencyTable latencies, Profiles profiles, String initial,
                                         RomaSettings settings, Options o, long seed) {
        Timeline t = s.timeline();
        AccuracyProfile profile = profiles.all();
        Map<String, PolicyRun> runs = new LinkedHashMap<>();
        fixed.values().forEach(r -> runs.put(r.policy(), r));
        runs.put(FITS, PolicyReplay.run(t, bank, latencies, new FitsIntervalPolicy(profile, settings.latencyWindow()), seed));
        runs.put(TOD, PolicyReplay.run(t, bank, latencies, new TodPolicy(profile, o.todTolerance(), initial), seed));
        List<Decision> decisions = new ArrayList<>();
        RomaPolicy roma = new RomaPolicy(new RomaSelector(profile, settings, initial), decisions::add);
        runs.put(ROMA, PolicyReplay.run(t, bank, latencies, roma, seed));
        Function<Long, ToDoubleFunction<String>> content = f -> v -> apBySegment.get(t.shots().get((int) Math.max(0, f)).segment()).get(v);
        Function<Long, ToDoubleFunction<String>> scene = f -> v -> apBySequence.get(t.shots().get((int) Math.max(0, f)).clip()).get(v);
        Function<Long, Function<String, double[]>> load = f -> v -> latencies.samples(t.conditionAt(t.arrivalMillis((int) Math.max(0, f))), v);
        Map<String, Hindsight> known = new LinkedHashMap<>();
        known.put(ROMA_KNOWN_CONTENT, hindsight(content, null));
        known.put(ROMA_KNOWN_SEQUENCE, hindsight(scene, null));
        known.put(ROMA_KNOWN_LOAD, hindsight(null, load));
        known.put(ROMA_KNOWN_BOTH, hindsight(content, load));
        for (String name : known.keySet()) {
            RomaPolicy ablated = new RomaPolicy(new RomaSelector(profile, settings, initial, known.get(name)), d -> { });
            runs.put(name, PolicyReplay.run(t, bank, latencies, ablated, seed));
        }
        AccuracyProfile unseen = s.source() == null ? null : profiles.withoutSequence().get(s.source().name());
        if (unseen != null) {
            RomaPolicy unseenRoma = new RomaPolicy(new RomaSelector(unseen, settings, initial), d -> { });
            runs.put(ROMA_UNSEEN_SEQUENCE, PolicyReplay.run(t, bank, latencies, unseenRoma, seed));
        }
        runs.put(ORACLE, PolicyReplay.run(t, bank, latencies, new ScheduledPolicy(t, PolicyReplay.bestFixedByPart(fixed)), seed));
        return new ScenarioResult(t.name(), s.kind(), t.dynamic(), t.fps(), t.shots().size(), runs,
                fixed.keySet().stream().map(id -> new FixedPolicy(id).name()).toList(), t, List.copyOf(decisions));
    }

    /** The latency table given by the options when it covers this run, else measured now (and written there when a file is named). */
    private static LatencyTable latencies(Options o, List<LoadCondition> conditions, Function<Variant, DetectorFactory> models,
                                          Consumer<String> progress) throws InterruptedException {
        List<String> names = conditions.stream().map(LoadCondition::name).toList();
        List<String> ids = o.variants().stream().map(Variant::id).toList();
        if (o.latencies() != null && java.nio.file.Files.isRegularFile(o.latencies())) {
            LatencyTable table = LatencyTable.read(o.latencies());
            if (table.covers(names, ids)) {
                progress.accept("latencies reused from " + o.latencies());
                return table;
            }
            progress.accept(o.latencies() + " does not cover every variant and condition: measuring anew");
        }
        LatencyTable measured = measureLatency(o, conditions, models, progress);
        if (o.latencies() != null) {
            measured.write(o.latencies());
        }
        return measured;
    }

    /** Each variant's offline AP50 on each content segment of a timeline (what ROMA's size model estimates). */
    private static Map<String, Map<String, Double>> segmentAccuracy(Timeline t, DetectionBankBuilder.Bank bank, List<String> variants) {
        Map<String, List<Shot>> bySegment = new LinkedHashMap<>();
        t.shots().forEach(shot -> bySegment.computeIfAbsent(shot.segment(), k -> new ArrayList<>()).add(shot));
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        bySegment.forEach((segment, shots) -> out.put(segment,
                offlineAp50(new Timeline(segment, false, t.fps(), shots, t.phases().subList(0, 1)), bank, variants)));
        return out;
    }

    /** Each variant's offline AP50 on each whole sequence, by sequence name. */
    private static Map<String, Map<String, Double>> sequenceAccuracy(List<MotSequence> sequences, DetectionBankBuilder.Bank bank,
                                                                     List<String> variants) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        sequences.forEach(seq -> out.put(seq.name(), offlineAp50(RomaScenarios.whole(seq), bank, variants)));
        return out;
    }

    /** Each variant's offline AP50 on a timeline's frames, by variant id. */
    private static Map<String, Double> offlineAp50(Timeline t, DetectionBankBuilder.Bank bank, List<String> variants) {
        Map<String, Double> ap = new LinkedHashMap<>();
        variants.forEach(v -> ap.put(v, PolicyReplay.offlineAp50(t, bank, v)));
        return ap;
    }

    /** The true offline accuracy the hindsight replays are given: per content segment of each scenario, and per whole sequence. */
    private record TrueAccuracy(List<Map<String, Map<String, Double>>> bySegment, Map<String, Map<String, Double>> bySequence) {
    }

    /** Hindsight from per-frame lookups; a null lookup leaves that estimate to ROMA. */
    private static Hindsight hindsight(Function<Long, ToDoubleFunction<String>> accuracy, Function<Long, Function<String, double[]>> latency) {
        return new Hindsight() {
            @Override
            public Optional<ToDoubleFunction<String>> accuracyAt(long frame) {
                return accuracy == null ? Optional.empty() : Optional.of(accuracy.apply(frame));
            }

            @Override
            public Optional<Function<String, double[]>> latencyAt(long frame) {
                return latency == null ? Optional.empty() : Optional.of(latency.apply(frame));
            }
        };
    }

    private static LatencyTable measureLatency(Options o, List<LoadCondition> conditions, Function<Variant, DetectorFactory> models,
                                               Consumer<String> progress) throws InterruptedException {
        List<BgrImage> frames = new ArrayList<>();
        ImageCodec codec = new ImageCodec(o.maxPixels());
        for (MotSequence seq : o.sequences()) {
            try (ImageDirectorySource source = ImageDirectorySource.open(seq.folder().resolve("img1"))) {
                frames.add(codec.decode(source.next().orElseThrow(() -> new MediaException("no frames in " + seq.folder())).image()));
            }
        }
        List<DetectorFactory> factories = new ArrayList<>();
        Map<String, Detector> detectors = new LinkedHashMap<>();
        try {
            for (Variant v : o.variants()) {
                DetectorFactory f = models.apply(v);
                factories.add(f);
                detectors.put(v.id(), f.newDetector());
            }
            DetectorFactory background = models.apply(o.background());
            factories.add(background);
            return LatencyProbe.measure(conditions, detectors, background, frames, o.rounds(), o.perRound(), progress);
        } finally {
            detectors.values().forEach(Detector::close);
            factories.forEach(DetectorFactory::close);
        }
    }
}
