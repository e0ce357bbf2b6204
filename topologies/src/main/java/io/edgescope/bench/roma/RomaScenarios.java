package io.edgescope.bench.roma;

import io.edgescope.eval.MotSequence;
import io.edgescope.eval.policy.LoadPhase;
import io.edgescope.eval.policy.Shot;
import io.edgescope.eval.policy.Timeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The timelines of {@code bench roma}, built from the labelled sequences given:
 * <ul>
 *   <li>static: each sequence at its own frame rate on an idle host, a faster version (every
 *       second frame: objects move twice as far per frame) and a smaller one (each frame shrunk to half
 *       and centred on a canvas of its size: every object half as large relative to the frame);</li>
 *   <li>dynamic: chunks of the sequences cut and interleaved (object size and speed change at each
 *       cut) at one camera rate, while the host's load changes on a schedule of its own (idle, a CPU
 *       hog, other streams joining and leaving) — neither is announced to the policies; once with the
 *       sequences as recorded, once with their smaller versions among them (larger changes of size);</li>
 *   <li>contention: the interleaved chunks under a constant 1, 2 or 4 concurrent streams.</li>
 * </ul>
 */
final class RomaScenarios {

    static final String STATIC = "static";
    static final String DYNAMIC = "dynamic";
    static final String CONTENTION = "contention";

    private static final int FASTER = 2;
    /** Zoom-out of the smaller versions: every object this many times as large relative to the frame. */
    static final double SMALLER = 0.5;
    static final String SMALLER_SUFFIX = " x0.5 size";
    private static final double MILLIS_PER_SECOND = 1000.0;
    private static final double MIN_PHASE_SECONDS = 2;
    private static final double MAX_PHASE_SECONDS = 6;
    static final int CONTENTION_FPS = 25;
    static final int CONTENTION_CHUNK = 100;

    /** One dynamic run: camera rate, chunk length, frames in all, and the seed of its load schedule. */
    record DynamicSpec(double fps, int chunk, int frames, long seed) {
    }

    static final List<DynamicSpec> DYNAMIC_SPECS = List.of(new DynamicSpec(15, 90, 600, 1), new DynamicSpec(25, 120, 720, 2),
            new DynamicSpec(30, 150, 900, 3));

    /** A built timeline, what kind it is, and the one sequence it shows (null when it mixes several). */
    record Scenario(String kind, Timeline timeline, MotSequence source) {
    }

    private RomaScenarios() {
    }

    static List<Scenario> all(List<MotSequence> sequences, List<String> dynamicConditions, List<String> streamConditions) {
        List<Scenario> out = new ArrayList<>();
        for (MotSequence seq : sequences) {
            out.add(new Scenario(STATIC, whole(seq), seq));
            out.add(new Scenario(STATIC, new Timeline(seq.name() + " x2 speed", false, seq.fps(),
                    shots(seq, 1, seq.length(), FASTER, seq.name()), idle()), seq));
            out.add(new Scenario(STATIC, whole(smaller(seq)), seq));
        }
        int number = 0;
        for (List<MotSequence> clips : List.of(sequences, clips(sequences))) {
            String also = clips == sequences ? "" : ", with smaller";
            for (DynamicSpec spec : DYNAMIC_SPECS) {
                List<Shot> shots = interleaved(clips, spec.chunk(), spec.frames());
                double duration = shots.size() * MILLIS_PER_SECOND / spec.fps();
                number++;
                out.add(new Scenario(DYNAMIC, new Timeline(String.format(Locale.ROOT, "dynamic-%d (%.0f fps%s)", number, spec.fps(), also),
                        true, spec.fps(), shots, schedule(dynamicConditions, duration, spec.seed())), null));
            }
        }
        List<Shot> mixed = mixed(sequences);
        for (String condition : streamConditions) {
            out.add(new Scenario(CONTENTION, new Timeline("contention " + condition, true, CONTENTION_FPS, mixed,
                    List.of(new LoadPhase(0, condition))), null));
        }
        return out;
    }

    /** Every frame of a sequence at its own rate on an idle host, as one segment named after it. */
    static Timeline whole(MotSequence seq) {
        return new Timeline(seq.name(), false, seq.fps(), shots(seq, 1, seq.length(), 1, seq.name()), idle());
    }

    /** The contention scenarios' frames: chunks of every sequence in turn, every frame once. */
    static List<Shot> mixed(List<MotSequence> sequences) {
        return interleaved(sequences, CONTENTION_CHUNK, sequences.stream().mapToInt(MotSequence::length).sum());
    }

    /** A sequence's smaller version (its detections are a clip of their own). */
    static MotSequence smaller(MotSequence seq) {
        return seq.zoomedOut(SMALLER, SMALLER_SUFFIX);
    }

    /** The sequences and their smaller versions: every clip the scenarios take frames from. */
    static List<MotSequence> clips(List<MotSequence> sequences) {
        List<MotSequence> out = new ArrayList<>(sequences);
        sequences.forEach(s -> out.add(smaller(s)));
        return out;
    }

    /** The clips ROMA's accuracy profile is measured on: the sequences, and their smaller versions unless {@code recordedOnly}. */
    static List<MotSequence> profileClips(List<MotSequence> sequences, boolean recordedOnly) {
        return recordedOnly ? List.copyOf(sequences) : clips(sequences);
    }

    /** The clips without a sequence and its smaller version: a profile that has never seen that scene. */
    static List<MotSequence> without(List<MotSequence> clips, MotSequence seq) {
        String smaller = smaller(seq).name();
        return clips.stream().filter(c -> !c.name().equals(seq.name()) && !c.name().equals(smaller)).toList();
    }

    private static List<LoadPhase> idle() {
        return List.of(new LoadPhase(0, LoadCondition.IDLE_NAME));
    }

    /** Frames first..last of a sequence, every {@code step}-th, as one segment. */
    static List<Shot> shots(MotSequence seq, int first, int last, int step, String segment) {
        List<Shot> out = new ArrayList<>();
        for (int f = first; f <= last; f += step) {
            out.add(new Shot(segment, seq.name(), f, seq.width(), seq.height(), seq.truthOf(f)));
        }
        return out;
    }

    /** Chunks of {@code chunk} frames taken from the sequences in turn (each resumes where it left off, wrapping) until {@code total} frames. */
    static List<Shot> interleaved(List<MotSequence> sequences, int chunk, int total) {
        List<Shot> out = new ArrayList<>();
        int[] position = new int[sequences.size()];
        Arrays.fill(position, 1);
        for (int s = 0; out.size() < total; s = (s + 1) % sequences.size()) {
            MotSequence seq = sequences.get(s);
            int first = position[s];
            int last = Math.min(seq.length(), first + chunk - 1);
            last = Math.min(last, first + total - out.size() - 1);
            out.addAll(shots(seq, first, last, 1, String.format(Locale.ROOT, "%s[%d-%d]", seq.name(), first, last)));
            position[s] = last >= seq.length() ? 1 : last + 1;
        }
        return out;
    }

    /** Load phases of seeded random length (2-6 s), each a different condition from the previous one. */
    static List<LoadPhase> schedule(List<String> conditions, double durationMillis, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LoadPhase> out = new ArrayList<>();
        double t = 0;
        String previous = null;
        while (t < durationMillis) {
            String condition;
            do {
                condition = conditions.get(random.nextInt(conditions.size()));
            } while (condition.equals(previous) && conditions.size() > 1);
            out.add(new LoadPhase(t, condition));
            previous = condition;
            t += MILLIS_PER_SECOND * (MIN_PHASE_SECONDS + random.nextDouble() * (MAX_PHASE_SECONDS - MIN_PHASE_SECONDS));
        }
        return out;
    }
}
