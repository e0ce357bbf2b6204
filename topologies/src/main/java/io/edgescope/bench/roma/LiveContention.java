package io.edgescope.bench.roma;

import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.detect.BgrImage;
import io.edgescope.detect.Detector;
import io.edgescope.detect.DetectorFactory;
import io.edgescope.detect.variants.Variant;
import io.edgescope.eval.AreaRange;
import io.edgescope.eval.CocoEvaluator;
import io.edgescope.eval.FrameData;
import io.edgescope.eval.MotSequence;
import io.edgescope.eval.RealtimeSimulator;
import io.edgescope.eval.policy.AccuracyProfiles;
import io.edgescope.eval.policy.DetectionBank;
import io.edgescope.eval.policy.Shot;
import io.edgescope.image.ImageCodec;
import io.edgescope.media.EncodedFrame;
import io.edgescope.media.ImageDirectorySource;
import io.edgescope.roma.AccuracyProfile;
import io.edgescope.roma.Decision;
import io.edgescope.roma.Estimate;
import io.edgescope.roma.FitsIntervalPolicy;
import io.edgescope.roma.FixedPolicy;
import io.edgescope.roma.RomaPolicy;
import io.edgescope.roma.RomaSelector;
import io.edgescope.roma.RomaSettings;
import io.edgescope.roma.SelectionPolicy;
import io.edgescope.roma.SharedCores;
import io.edgescope.roma.SizeBuckets;
import io.edgescope.roma.TodPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code bench roma-live}: 1, 2, 4 … cameras at once on this host, every camera running the same
 * policy on its own part of the interleaved sequences, every frame detected for real (no replay) —
 * so each stream's choice slows the others, and the host's own drift is in it. Policies take turns
 * (their order reversed every other round) so the drift spreads over all of them.
 */
public final class LiveContention {

    private static final double MILLIS_PER_SECOND = 1000.0;
    /** Time for every stream's thread to be waiting before the first frame arrives. */
    private static final long START_DELAY_NANOS = 200_000_000L;
    /** Pause between runs, so one run's last inferences do not load the next. */
    private static final long SETTLE_MILLIS = 300;
    /** Detector runs per variant on an otherwise idle host for the profile's latency (taking turns: {@link IdleLatency}). */
    private static final int IDLE_SAMPLES = 15;
    private static final CocoEvaluator AP50 = new CocoEvaluator(List.of(AreaRange.ALL));
    /** ROMA with every camera choosing as if alone on the host (no shared cores): what the cooperation adds, in the same run. */
    public static final String ROMA_ALONE = "roma-alone";

    /**
     * @param streams numbers of concurrent streams to run, e.g. 1, 2, 4
     * @param seconds length of each stream's run
     * @param rounds times every (streams, policy) pair is run
     * @param recordedProfile measure the accuracy profile on the sequences as recorded only (default: with their smaller versions)
     */
    public record Options(List<MotSequence> sequences, List<Variant> variants, List<Integer> streams, double seconds, int rounds,
                          Path cacheDir, long maxPixels, SizeBuckets buckets, RomaSettings settings, double todTolerance,
                          boolean recordedProfile) {
        public Options {
            streams = List.copyOf(streams);
            if (streams.isEmpty() || streams.stream().anyMatch(n -> n < 1)) {
                throw new IllegalArgumentException("--streams needs numbers of at least 1, got " + streams);
            }
            if (!(seconds > 0) || rounds < 1) {
                throw new IllegalArgumentException("--seconds must be positive and --rounds at least 1");
            }
        }
    }

    /**
     * One policy at one number of streams: real-time AP50 of every round (all streams' frames pooled) and what ran, summed over
     * streams and rounds ({@code switches}: variant changes).
     */
    public record Cell(String policy, int streams, List<Double> ap50PerRound, Map<String, Integer> processedByVariant, int frames,
                       int switches, double meanLatencyMillis) {

        public double ap50() {
            return ap50PerRound.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        /** This policy against {@code base} round by round (both run in every round). */
        public PairedChange against(Cell base) {
            return PairedChange.of(ap50PerRound, base.ap50PerRound());
        }

        /** Share of the frames that arrived that a detector processed. */
        public double processedShare() {
            return frames == 0 ? 0 : processedByVariant.values().stream().mapToInt(Integer::intValue).sum() / (double) frames;
        }
    }

    /** What one camera's policy is made with: the cores the run's cameras share, and where its decisions go. */
    private record Camera(SharedCores cores, Consumer<Decision> decisions) {
    }

    /**
     * One decision of one camera in one run: of a ROMA policy ({@code roma} or {@code roma-alone}), or of ROMA watching a fixed
     * policy ({@link WatchedFixedPolicy}: nothing it chooses runs); and where and when it was taken, with the {@link ReferenceWork}
     * its thread ran right after it.
     */
    public record CameraDecision(String policy, int streams, int round, int camera, Decision decision, Moment moment) {
    }

    /**
     * The deciding thread (its Java id), the wall-clock time the decision returned (epoch ms: to find it in a profiler's
     * recording of the run), and the CPU and wall-clock time of the reference unit the thread ran right after it (ns; CPU -1
     * where the JVM does not measure thread CPU time).
     */
    public record Moment(long threadId, long decidedEpochMillis, long referenceCpuNanos, long referenceNanos) {

        static Moment after(ReferenceWork reference) {
            long decided = System.currentTimeMillis();
            long started = System.nanoTime();
            long cpu = reference.cpuNanos();
            return new Moment(Thread.currentThread().getId(), decided, cpu, System.nanoTime() - started);
        }
    }

    /** A decision as its camera's thread took it. */
    private record Taken(Decision decision, Moment moment) {
    }

    /**
     * Every cell by number of streams, then policy (in the order run); the fixed policies' names; every decision ROMA
     * took, in the order run; and by number of streams, each fixed policy's AP50 on the same frames were every frame
     * detected at once ({@link #offlineAp50}: what the cameras' content alone gives it, before any staleness); and by number of
     * streams, the ONNX Runtime threads each inference had and each fixed policy's detector latency alone on the host with them
     * (ms, {@link IdleLatency}: measured at the start of the run).
     */
    public record Result(Map<Integer, Map<String, Cell>> cells, List<String> fixedPolicies, double fps, int framesPerStream, int rounds,
                         List<CameraDecision> decisions, Map<Integer, Map<String, Double>> offline, Map<Integer, Integer> threadsPerInference,
                         Map<Integer, Map<String, Double>> idleMillis) {

        /** Every policy run, in the order run (the same at every number of streams). */
        public Set<String> policies() {
            return cells.values().iterator().next().keySet();
        }

        public Cell bestFixed(int streams) {
            return fixedPolicies.stream().map(cells.get(streams)::get).max(Comparator.comparingDouble(Cell::ap50)).orElseThrow();
        }

        /**
         * What ROMA, watching a fixed policy's cameras at {@code streams} cameras ({@link WatchedFixedPolicy}), expected its variant
         * to keep of its AP50 live: the mean of its estimated retention over every decision of every camera and round (empty
         * without one). Set against {@code ap50 / offline}, what it kept, this checks ROMA's staleness model live.
         */
        public OptionalDouble forecastShare(String fixedPolicy, int streams) {
            return decisionsOf(fixedPolicy, streams).flatMap(d -> d.decision().estimates().stream())
                    .filter(e -> new FixedPolicy(e.variantId()).name().equals(fixedPolicy))
                    .mapToDouble(Estimate::retention).average();
        }

        /** How long the decisions of a ROMA policy ({@code roma} or {@code roma-alone}) took at {@code streams} cameras, all rounds. */
        public DecisionTimes decisionTimes(String policy, int streams) {
            return DecisionTimes.of(decisionsOf(policy, streams).map(CameraDecision::decision).toList());
        }

        /**
         * The CPU time of the {@link ReferenceWork} run right after each of those decisions, on the same threads: what the host
         * alone made of a fixed piece of work at the same moments.
         */
        public CpuTimes referenceTimes(String policy, int streams) {
            return CpuTimes.of(decisionsOf(policy, streams).mapToLong(c -> c.moment().referenceCpuNanos()));
        }

        /** The decisions taken for {@code policy} at {@code streams} cameras, every camera and round. */
        private Stream<CameraDecision> decisionsOf(String policy, int streams) {
            return decisions.stream().filter(d -> d.policy().equals(policy) && d.streams() == streams);
        }

        /**
         * The contention slowdown a fixed policy's mean latency shows at {@code streams} cameras against its latency alone on the
         * host with the same threads per inference, as {@link SharedCores} models it: {@code (latency_n / latency_alone - 1) / O},
         * O = the other cameras' summed duty cycles {@code (n - 1) x min(1, latency_n / interval)}; empty without other cameras.
         */
        public OptionalDouble contentionSlowdown(String fixedPolicy, int streams) {
            if (streams < 2 || !cells.containsKey(streams)) {
                return OptionalDouble.empty();
            }
            double alone = idleMillis.get(streams).get(fixedPolicy);
            double shared = cells.get(streams).get(fixedPolicy).meanLatencyMillis();
            double othersBusy = (streams - 1) * Math.min(1, shared * fps / MILLIS_PER_SECOND);
            return OptionalDouble.of((shared / alone - 1) / othersBusy);
        }
    }

    private LiveContention() {
    }

    /**
     * Loads a variant's model with a number of ONNX Runtime threads per inference, and says how many threads each camera's
     * inferences get when {@code cameras} run at once (e.g. the cores shared among them).
     */
    public interface Models {
        DetectorFactory load(Variant variant, int threadsPerInference);

        int threadsPerInference(int cameras);

        /**
         * Models loaded as {@code config} says, every camera taken as a stream thread of its own: with {@code detector.threads=auto}
         * the cores are shared among the cameras, as the detection service shares them among its stream threads.
         */
        static Models asConfigured(EdgeScopeConfig config, BiFunction<EdgeScopeConfig, Variant, DetectorFactory> loader) {
            return new Models() {
                @Override
                public DetectorFactory load(Variant variant, int threadsPerInference) {
                    return loader.apply(config.with(Map.of(EdgeScopeConfig.DETECTOR_THREADS.name(), Integer.toString(threadsPerInference))),
                            variant);
                }

                @Override
                public int threadsPerInference(int cameras) {
                    return config.with(Map.of(EdgeScopeConfig.NUM_STREAM_THREADS.name(), Integer.toString(cameras))).detectorThreads();
                }
            };
        }
    }

    /**
     * What every load run with the same threads per inference shares: a model per variant, detectors for its most cameras, the
     * variants' latencies measured idle with those threads (by variant id), and the policies made on the profile with them.
     */
    private record Rig(List<DetectorFactory> factories, List<Map<String, Detector>> detectors, Map<String, Double> idleMillis,
                       Map<String, Function<Camera, SelectionPolicy>> policies) implements AutoCloseable {

        @Override
        public void close() {
            close(factories, detectors);
        }

        static void close(List<DetectorFactory> factories, List<Map<String, Detector>> detectors) {
            detectors.forEach(m -> m.values().forEach(Detector::close));
            factories.forEach(DetectorFactory::close);
        }
    }

    public static Result run(Options o, Models models, Consumer<String> progress) throws InterruptedException {
        List<String> ids = o.variants().stream().map(Variant::id).toList();
        List<MotSequence> profileClips = RomaScenarios.profileClips(o.sequences(), o.recordedProfile());
        Map<Integer, Integer> threads = new LinkedHashMap<>();
        o.streams().forEach(n -> threads.put(n, models.threadsPerInference(n)));
        DetectionBankBuilder.Bank bank = DetectionBankBuilder.build(profileClips, o.variants(),
                v -> models.load(v, threads.get(o.streams().get(0))), RomaBenchmark.LABEL, o.maxPixels(), o.cacheDir(), progress);
        Map<String, List<byte[]>> encoded = encodedFrames(o.sequences());
        ImageCodec codec = new ImageCodec(o.maxPixels());
        Function<Shot, BgrImage> image = shot -> codec.decode(encoded.get(shot.clip()).get(shot.sourceFrame() - 1));
        List<Shot> mixed = RomaScenarios.mixed(o.sequences());
        double fps = RomaScenarios.CONTENTION_FPS;
        int perStream = (int) Math.min(mixed.size(), Math.round(o.seconds() * fps));
        Map<Integer, Rig> rigs = new TreeMap<>();
        try {
            for (int t : new TreeSet<>(threads.values())) {
                int slots = o.streams().stream().filter(n -> threads.get(n) == t).max(Integer::compare).orElseThrow();
                progress.accept("live: loading " + ids.size() + " variants for " + slots + " stream(s), " + t + " thread(s) per inference");
                rigs.put(t, rig(o, models, t, slots, profileClips, bank, image.apply(mixed.get(0))));
            }
            new ReferenceWork().warmUp();
            List<CameraDecision> decisions = new ArrayList<>();
            List<String> fixed = ids.stream().map(id -> new FixedPolicy(id).name()).toList();
            // each camera's frames per number of cameras: the same in every round, and scored offline once
            Map<Integer, List<List<Shot>>> slicesFor = new LinkedHashMap<>();
            Map<Integer, Map<String, Double>> offline = new LinkedHashMap<>();
            for (int n : o.streams()) {
                List<List<Shot>> slices = slices(mixed, n, perStream);
                slicesFor.put(n, slices);
                offline.put(n, new LinkedHashMap<>());
                ids.forEach(id -> offline.get(n).put(new FixedPolicy(id).name(), offlineAp50(slices, bank, id)));
            }
            Set<String> names = rigs.values().iterator().next().policies().keySet();
            Map<Integer, Map<String, List<LiveStream.Run[]>>> runs = new LinkedHashMap<>();
            Map<Integer, Map<String, List<Double>>> aps = new LinkedHashMap<>();
            for (int round = 0; round < o.rounds(); round++) {
                List<String> order = new ArrayList<>(names);
                if (round % 2 == 1) {
                    Collections.reverse(order);
                }
                for (int n : o.streams()) {
                    List<List<Shot>> slices = slicesFor.get(n);
                    Rig rig = rigs.get(threads.get(n));
                    for (String name : order) {
                        progress.accept("live: round " + (round + 1) + "/" + o.rounds() + ", " + n + " stream(s), " + name);
                        List<List<Taken>> taken = new ArrayList<>();
                        LiveStream.Run[] r = runTogether(slices, rig.policies().get(name), new SharedCores(o.settings().contentionSlowdown()),
                                taken, rig.detectors(), image, fps);
                        for (int camera = 0; camera < taken.size(); camera++) {
                            for (Taken t : taken.get(camera)) {
                                decisions.add(new CameraDecision(name, n, round, camera, t.decision(), t.moment()));
                            }
                        }
                        runs.computeIfAbsent(n, k -> new LinkedHashMap<>()).computeIfAbsent(name, k -> new ArrayList<>()).add(r);
                        aps.computeIfAbsent(n, k -> new LinkedHashMap<>()).computeIfAbsent(name, k -> new ArrayList<>())
                                .add(realtimeAp50(slices, r, fps));
                        Thread.sleep(SETTLE_MILLIS);
                    }
                }
            }
            Map<Integer, Map<String, Double>> idle = new LinkedHashMap<>();
            for (int n : o.streams()) {
                idle.put(n, new LinkedHashMap<>());
                rigs.get(threads.get(n)).idleMillis().forEach((id, ms) -> idle.get(n).put(new FixedPolicy(id).name(), ms));
            }
            return new Result(cells(o.streams(), names, aps, runs), fixed, fps, perStream, o.rounds(), List.copyOf(decisions),
                    offline, Map.copyOf(threads), idle);
        } finally {
            rigs.values().forEach(Rig::close);
        }
    }

    /** The models, detectors, profile and policies of the loads run with {@code threads} per inference, for up to {@code slots} cameras. */
    private static Rig rig(Options o, Models models, int threads, int slots, List<MotSequence> profileClips, DetectionBankBuilder.Bank bank,
                           BgrImage sample) {
        List<DetectorFactory> factories = new ArrayList<>();
        List<Map<String, Detector>> detectors = new ArrayList<>();
        try {
            for (Variant v : o.variants()) {
                factories.add(models.load(v, threads));
            }
            for (int s = 0; s < slots; s++) {
                detectors.add(new LinkedHashMap<>());
                for (DetectorFactory f : factories) {
                    detectors.get(s).put(f.variantId(), f.newDetector());
                }
            }
            Map<String, Double> idle = IdleLatency.measure(detectors.get(0), sample, IDLE_SAMPLES, System::nanoTime);
            List<String> ids = o.variants().stream().map(Variant::id).toList();
            AccuracyProfile profile = AccuracyProfiles.measure(profileClips, bank, ids, o.buckets(), idle);
            RomaSelector.warmUp(profile, o.settings());
            return new Rig(factories, detectors, idle, policies(profile, o));
        } catch (RuntimeException e) {
            Rig.close(factories, detectors);
            throw e;
        }
    }

    /** Every frame of every sequence, encoded, by sequence name (frame f at f - 1). */
    private static Map<String, List<byte[]>> encodedFrames(List<MotSequence> sequences) {
        Map<String, List<byte[]>> out = new LinkedHashMap<>();
        for (MotSequence seq : sequences) {
            List<byte[]> frames = new ArrayList<>();
            try (ImageDirectorySource source = ImageDirectorySource.open(seq.folder().resolve(DetectionBankBuilder.IMAGES))) {
                for (Optional<EncodedFrame> f = source.next(); f.isPresent() && frames.size() < seq.length(); f = source.next()) {
                    frames.add(f.get().image());
                }
            }
            out.put(seq.name(), frames);
        }
        return out;
    }

    /** Each policy by name, made for one camera (ROMA's hand on their decisions, and {@code roma} takes the run's shared cores). */
    private static Map<String, Function<Camera, SelectionPolicy>> policies(AccuracyProfile profile, Options o) {
        String initial = profile.middleByLatency();
        Map<String, Function<Camera, SelectionPolicy>> out = new LinkedHashMap<>();
        o.variants().forEach(v -> out.put(new FixedPolicy(v.id()).name(), c -> new WatchedFixedPolicy(v.id(), profile, o.settings(), c.cores().join(),
                c.decisions())));
        out.put(RomaBenchmark.FITS, c -> new FitsIntervalPolicy(profile, o.settings().latencyWindow()));
        out.put(RomaBenchmark.TOD, c -> new TodPolicy(profile, o.todTolerance(), initial));
        out.put(ROMA_ALONE, c -> new RomaPolicy(new RomaSelector(profile, o.settings(), initial), c.decisions()));
        out.put(RomaBenchmark.ROMA, c -> new RomaPolicy(new RomaSelector(profile, o.settings(), initial, c.cores().join()), c.decisions()));
        return out;
    }

    /** Stream i of n plays {@code perStream} frames from i / n of the way through the frames (wrapping), so streams show different content. */
    static List<List<Shot>> slices(List<Shot> frames, int n, int perStream) {
        List<List<Shot>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int offset = (int) ((long) i * frames.size() / n);
            List<Shot> mine = new ArrayList<>(perStream);
            for (int j = 0; j < perStream; j++) {
                mine.add(frames.get((offset + j) % frames.size()));
            }
            out.add(mine);
        }
        return out;
    }

    /**
     * Every stream at once, each on its own thread with its own detectors and its own instance of the policy, all on
     * {@code cores}; each camera's decisions are added to {@code decisions} (one list per camera), each followed on its thread by
     * a timed {@link ReferenceWork}.
     */
    private static LiveStream.Run[] runTogether(List<List<Shot>> slices, Function<Camera, SelectionPolicy> policy, SharedCores cores,
                                                List<List<Taken>> decisions, List<Map<String, Detector>> detectors,
                                                Function<Shot, BgrImage> image, double fps) throws InterruptedException {
        int n = slices.size();
        List<SelectionPolicy> policies = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Taken> mine = new ArrayList<>();
            decisions.add(mine);
            ReferenceWork reference = new ReferenceWork();
            policies.add(policy.apply(new Camera(cores, d -> mine.add(new Taken(d, Moment.after(reference))))));
        }
        long start = System.nanoTime() + START_DELAY_NANOS;
        List<Callable<LiveStream.Run>> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int s = i;
            tasks.add(() -> LiveStream.run(slices.get(s), image, fps, policies.get(s), detectors.get(s), RomaBenchmark.LABEL, LiveStream.SYSTEM,
                    start));
        }
        return Together.run(tasks, "live-stream", "A live stream").toArray(new LiveStream.Run[0]);
    }

    /** Real-time AP50 over every stream's frames pooled: each frame scored with the latest result finished before the next arrived. */
    static double realtimeAp50(List<List<Shot>> slices, LiveStream.Run[] runs, double fps) {
        List<FrameData> shown = new ArrayList<>();
        for (int i = 0; i < runs.length; i++) {
            List<Shot> shots = slices.get(i);
            List<FrameData> frames = new ArrayList<>(shots.size());
            for (int j = 0; j < shots.size(); j++) {
                frames.add(new FrameData(shown.size() + j, shots.get(j).truth(), runs[i].boxes().get(j)));
            }
            shown.addAll(RealtimeSimulator.observed(runs[i].arrivalMillis(), runs[i].finishMillis(), MILLIS_PER_SECOND / fps).shown(frames));
        }
        return AP50.evaluate(shown).ap50();
    }

    /** AP50 of one variant over the cameras' frames, every frame shown with its own detections (no staleness), pooled. */
    static double offlineAp50(List<List<Shot>> slices, DetectionBank bank, String variantId) {
        List<FrameData> frames = new ArrayList<>();
        for (List<Shot> shots : slices) {
            for (Shot shot : shots) {
                frames.add(new FrameData(frames.size(), shot.truth(), bank.boxes(shot.clip(), variantId, shot.sourceFrame())));
            }
        }
        return AP50.evaluate(frames).ap50();
    }

    private static Map<Integer, Map<String, Cell>> cells(List<Integer> streams, Set<String> policies,
                                                         Map<Integer, Map<String, List<Double>>> aps,
                                                         Map<Integer, Map<String, List<LiveStream.Run[]>>> runs) {
        Map<Integer, Map<String, Cell>> out = new LinkedHashMap<>();
        for (int n : streams) {
            Map<String, Cell> byPolicy = new LinkedHashMap<>();
            for (String name : policies) {
                byPolicy.put(name, cell(name, n, aps.get(n).get(name), runs.get(n).get(name)));
            }
            out.put(n, byPolicy);
        }
        return out;
    }

    private static Cell cell(String policy, int streams, List<Double> aps, List<LiveStream.Run[]> runs) {
        Map<String, Integer> processed = new TreeMap<>();
        int frames = 0;
        int switches = 0;
        double latency = 0;
        int count = 0;
        for (LiveStream.Run[] round : runs) {
            for (LiveStream.Run r : round) {
                r.processedByVariant().forEach((v, k) -> processed.merge(v, k, Integer::sum));
                frames += r.arrivalMillis().length;
                switches += r.switches();
                latency += r.meanLatencyMillis();
                count++;
            }
        }
        return new Cell(policy, streams, List.copyOf(aps), processed, frames, switches, count == 0 ? 0 : latency / count);
    }
}
