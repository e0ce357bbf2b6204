package io.edgescope.roma;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Each variant's latency as measured now, as a distribution. Latency is modelled as
 * {@code offline(d) x speed(d) x load + overhead}, the overhead being the stream's time per frame besides the detector
 * (decoding it: what delays a result apart from the inference, alike for every variant), as measured on the same frames;
 * the host's current load (how much slower than offline it
 * runs, shared by all variants, from the stream's last few measurements) and, when learning is on,
 * each variant's own relative speed under load (1 until learnt), learnt in the first frames after
 * each switch to it against the load measured just before the switch — the median over the kept
 * frames, and only once at least {@link #CALIBRATION_FRAMES} were measured, as a stream's first frames
 * and lone slow frames (the ones that trigger a switch) would otherwise go into the new variant's speed
 * and, while it runs, into every other variant's estimate — unless the other streams' load moved
 * meanwhile. So a busy host, other streams or this machine's own drift show up in every estimate
 * without re-profiling, and so does the jitter, which decides how often a detector near the frame
 * interval overruns it. Under contention the variants do not slow down alike (on
 * this host the larger inputs more), which the learnt speeds capture.
 * <p>
 * A learnt speed can be wrong (a switch that coincides with a change of load puts the change into
 * it), and a variant made to look slow is not run again to correct it; so a learnt speed drifts
 * back to 1 with a half-life counted in frames of the other variants ({@code forgetHalfLifeFrames};
 * 0: never). ROMA learns with forgetting; the fits-interval baseline learns without. Mutable; one per stream.
 */
public final class LatencyTracker {

    /** The contention of a stream alone on the cores: detectors as fast as alone. */
    public static final double NO_CONTENTION = 1;
    /** Measurements after a switch that calibrate the new variant's relative speed. */
    static final int CALIBRATION_FRAMES = 3;
    /** Weight of a calibration measurement against what was known of the variant before. */
    private static final double CALIBRATION_WEIGHT = 0.5;
    /**
     * Before any measurement the host's load is unknown: the offline latency is taken as possibly this
     * many times faster or slower (this host drifts by 2x on its own), so a variant that only just fits
     * the frame interval offline is not assumed to fit it now.
     */
    static final double UNMEASURED_SPREAD = 1.25;
    /**
     * A calibration is dropped when the other streams' load — the contention their duty cycles imply — moves by more than
     * this share of itself between the switch and a calibration frame: the change would go into the new variant's speed.
     * Four cameras that step down from 416 together each learnt 256 at ~0.6 of its speed that way, and 320 then looked 1.6x
     * slower than it ran (bench roma-live, slow host). A stream alone sees no other load and learns as before.
     */
    static final double CALIBRATION_STEADY_LOAD = 0.1;

    private final AccuracyProfile profile;
    private final boolean learnSpeeds;
    private final double[] loads;
    /** The time besides the detector of the same frames as {@link #loads}, ms. */
    private final double[] overheads;
    /** The contention each of the same frames' detections ran under, as measured. */
    private final double[] contentions;
    /** The contention the other streams' duty cycles implied at the same moments. */
    private final double[] modelled;
    private final Map<String, Double> speed = new HashMap<>();
    private int size;
    private int next;
    private String last;
    private int calibrationLeft;
    private double loadBeforeSwitch = 1;
    /** The other streams' modelled contention over the window before the switch being calibrated. */
    private double othersBeforeSwitch = 1;
    /** The switched-to variant's learnt speed before its calibration began (NaN: none), restored if the calibration is dropped. */
    private double speedBeforeCalibration = Double.NaN;
    /** Share of a learnt speed's distance from 1 kept per frame of another variant (1: never forgets). */
    private final double keep;

    /**
     * @param window measurements kept
     * @param learnSpeeds learn each variant's slowdown under load relative to the others (else all scale alike)
     * @param forgetHalfLifeFrames a learnt speed's distance from 1 halves over this many frames of other variants (0: never)
     */
    public LatencyTracker(AccuracyProfile profile, int window, boolean learnSpeeds, int forgetHalfLifeFrames) {
        if (window < 1 || forgetHalfLifeFrames < 0) {
            throw new IllegalArgumentException("latency window must be at least 1 and the half-life at least 0, got " + window + " and "
                    + forgetHalfLifeFrames);
        }
        this.profile = profile;
        this.learnSpeeds = learnSpeeds;
        this.loads = new double[window];
        this.overheads = new double[window];
        this.contentions = new double[window];
        this.modelled = new double[window];
        this.keep = forgetHalfLifeFrames == 0 ? 1 : Math.pow(0.5, 1.0 / forgetHalfLifeFrames);
    }

    /** A measurement taken alone on the cores, with nothing else to the stream's time per frame. */
    public void observe(String variantId, double latencyMillis) {
        observe(variantId, latencyMillis, NO_CONTENTION, 0, NO_CONTENTION);
    }

    /**
     * A measurement taken while the other streams on the cores made detectors {@code contention} times slower than alone
     * ({@link SharedCores}; {@link #NO_CONTENTION} alone): kept as the host's load without that contention, so it can be put
     * back at another contention. With it, the time the stream spent on the same frame besides the detector
     * ({@code overheadMillis}: decoding it), which every variant pays alike and is added to every variant's latency as
     * measured; and the contention the other streams' duty cycles implied at the time ({@code modelledContention}), so that
     * how much more (or less) their detections overlapped this stream's than their duty cycles say is kept too
     * ({@link #overlapFactor()}).
     */
    public void observe(String variantId, double latencyMillis, double contention, double overheadMillis, double modelledContention) {
        if (!(contention >= 1) || !(modelledContention >= 1)) {
            throw new IllegalArgumentException("contention must be at least 1, got " + contention + " measured and " + modelledContention
                    + " modelled");
        }
        if (!(latencyMillis >= 0) || !profile.variants().containsKey(variantId)) {
            return;
        }
        double offline = profile.variant(variantId).latencyMillis();
        if (!(offline > 0)) {
            return;
        }
        if (learnSpeeds && last != null && !variantId.equals(last) && size >= CALIBRATION_FRAMES) {
            calibrationLeft = CALIBRATION_FRAMES;
            loadBeforeSwitch = medianLoad();
            othersBeforeSwitch = meanOf(modelled, 1);
            speedBeforeCalibration = speed.getOrDefault(variantId, Double.NaN);
        } else if (!variantId.equals(last)) {
            calibrationLeft = 0;
        }
        if (keep < 1) {
            speed.replaceAll((id, s) -> id.equals(variantId) ? s : 1 + (s - 1) * keep);
        }
        if (calibrationLeft > 0 && Math.abs(modelledContention / othersBeforeSwitch - 1) > CALIBRATION_STEADY_LOAD) {
            dropCalibration(variantId);
        }
        if (calibrationLeft > 0) {
            double measured = latencyMillis / (offline * loadBeforeSwitch * contention);
            speed.merge(variantId, measured, (old, now) -> old + CALIBRATION_WEIGHT * (now - old));
            calibrationLeft--;
        }
        loads[next] = latencyMillis / (offline * speedOf(variantId) * contention);
        overheads[next] = overheadMillis >= 0 ? overheadMillis : 0;
        contentions[next] = contention;
        modelled[next] = modelledContention;
        next = (next + 1) % loads.length;
        size = Math.min(size + 1, loads.length);
        last = variantId;
    }

    /** The other streams' load moved during a calibration: the variant keeps the speed it had before it. */
    private void dropCalibration(String variantId) {
        calibrationLeft = 0;
        if (Double.isNaN(speedBeforeCalibration)) {
            speed.remove(variantId);
        } else {
            speed.put(variantId, speedBeforeCalibration);
        }
    }

    /**
     * How many times slower than offline the host runs now, on average, apart from the contention measurements were
     * taken under (1 before any measurement).
     */
    public double loadFactor() {
        return meanOf(loads, 1);
    }

    /** A variant's latency relative to the others under load, as learnt (1 until then). */
    public double speedOf(String variantId) {
        return speed.getOrDefault(variantId, 1.0);
    }

    /** Mean latency of a variant now. */
    public double estimate(String variantId) {
        return estimate(variantId, 1);
    }

    /** Mean latency of a variant under {@code contention} from other streams, with the time per frame besides the detector. */
    public double estimate(String variantId, double contention) {
        return profile.variant(variantId).latencyMillis() * speedOf(variantId) * loadFactor() * contention + overhead();
    }

    /** The mean time per frame besides the detector over the kept measurements, ms (0 before any). */
    public double overhead() {
        return meanOf(overheads, 0);
    }

    /**
     * The contention the kept measurements ran under over the contention the other streams' duty cycles implied then (1
     * before any): above 1 when the others' detections overlap this stream's more than their duty cycles say (cameras of
     * one frame rate keep one phase, and in step their inferences start together), below 1 when they interleave.
     */
    public double overlapFactor() {
        return meanOf(contentions, 1) / meanOf(modelled, 1);
    }

    /** The median of the kept loads: the load a switch's calibration compares against, which one slow frame does not move. */
    private double medianLoad() {
        double[] kept = Arrays.copyOf(loads, size);
        Arrays.sort(kept);
        return size % 2 == 1 ? kept[size / 2] : (kept[size / 2 - 1] + kept[size / 2]) / 2;
    }

    private double meanOf(double[] values, double none) {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return size == 0 ? none : sum / size;
    }

    /**
     * Latency samples of a variant now under {@code contention} from other streams, each with the time besides the detector
     * of the frame it was measured on (before any measurement: its offline latency, that much faster, and that much slower).
     */
    public double[] samples(String variantId, double contention) {
        double base = profile.variant(variantId).latencyMillis() * speedOf(variantId) * contention;
        if (size == 0) {
            return new double[] {base / UNMEASURED_SPREAD, base, base * UNMEASURED_SPREAD};
        }
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = base * loads[i] + overheads[i];
        }
        return out;
    }
}
