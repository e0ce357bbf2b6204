package io.edgescope.bench;

import io.edgescope.app.VariantPool;
import io.edgescope.detect.BgrImage;
import io.edgescope.detect.Detector;
import io.edgescope.detect.DetectorFactory;
import io.edgescope.detect.variants.Variant;
import io.edgescope.stats.LatencyRecorder;
import java.util.List;
import java.util.function.Function;

/**
 * Switch overhead at the variant pool, the way the detection processor switches: from the moment a
 * stream is asked to run another variant to the end of the first frame that variant processed, and
 * the overhead beyond that frame's own inference (measured right after, without a switch).
 * Resident: the target was loaded beforehand (as a profile change triggers), so the stream thread
 * only gets its predictor and runs the frame. Reload: the naive way — close the current model, load
 * the target from disk, warm it up, run the frame — all on the stream thread.
 */
public final class SwitchBenchmark {

    private static final double NANOS_PER_MILLI = 1_000_000.0;
    private static final double MILLIS_PER_SECOND = 1000.0;
    private static final double P50 = 50;
    private static final long LOAD_WAIT_MILLIS = 60_000;
    private static final long POLL_MILLIS = 20;
    static final double MIN_OVERHEAD_MILLIS = 0.1;

    /**
     * @param residentSwitchMillis median switch time with the target resident
     * @param reloadSwitchMillis median switch time with close-and-reload
     * @param residentOverheadMillis median, per switch, of its time beyond the next frame of the same variant without a switch
     * @param reloadOverheadMillis the same for close-and-reload
     * @param framesDroppedResident frames a camera at {@code fps} loses while the resident switch blocks its stream
     * @param framesDroppedReload the same for close-and-reload
     * @param rssPerVariantMib resident memory added per loaded variant (mean over the variants loaded)
     */
    public record Result(double residentSwitchMillis, double reloadSwitchMillis, double steadyFrameMillis,
                         double residentOverheadMillis, double reloadOverheadMillis, long framesDroppedResident,
                         long framesDroppedReload, double rssPerVariantMib, int switches, double fps) {

        /** How many times lower the resident overhead is (capped: an overhead under 0.1 ms counts as 0.1 ms). */
        public double overheadRatio() {
            return reloadOverheadMillis() / Math.max(MIN_OVERHEAD_MILLIS, residentOverheadMillis());
        }
    }

    private SwitchBenchmark() {
    }

    /** Alternates between {@code variants} {@code rounds} times each way, on one frame. */
    public static Result run(Function<Variant, DetectorFactory> loader, List<Variant> variants, BgrImage frame, int rounds,
                             double fps) throws InterruptedException {
        LatencyRecorder resident = new LatencyRecorder();
        LatencyRecorder reload = new LatencyRecorder();
        LatencyRecorder steady = new LatencyRecorder();
        LatencyRecorder residentOverhead = new LatencyRecorder();
        LatencyRecorder reloadOverhead = new LatencyRecorder();
        double rssPerVariant;
        double rssBefore = ProcessMemory.rssMib();
        try (VariantPool pool = new VariantPool(loader, variants.get(0), variants.size())) {
            for (Variant v : variants.subList(1, variants.size())) {
                pool.prepare(v.id());
            }
            awaitResident(pool, variants);
            for (Variant v : variants) {
                pool.forCurrentThread(v.id()).orElseThrow().detect(frame);
            }
            rssPerVariant = (ProcessMemory.rssMib() - rssBefore) / variants.size();
            for (int r = 0; r < rounds; r++) {
                for (Variant v : variants) {
                    long t0 = System.nanoTime();
                    pool.forCurrentThread(v.id()).orElseThrow().detect(frame);
                    resident.record((System.nanoTime() - t0) / NANOS_PER_MILLI);
                    double switched = (System.nanoTime() - t0) / NANOS_PER_MILLI;
                    long t1 = System.nanoTime();
                    pool.forCurrentThread(v.id()).orElseThrow().detect(frame);
                    double plain = (System.nanoTime() - t1) / NANOS_PER_MILLI;
                    steady.record(plain);
                    residentOverhead.record(Math.max(0, switched - plain));
                }
            }
        }
        DetectorFactory current = loader.apply(variants.get(0));
        try {
            for (int r = 0; r < rounds; r++) {
                for (Variant v : variants) {
                    long t0 = System.nanoTime();
                    current.close();
                    current = loader.apply(v);
                    try (Detector d = current.newDetector()) {
                        d.detect(frame);
                        double switched = (System.nanoTime() - t0) / NANOS_PER_MILLI;
                        long t1 = System.nanoTime();
                        d.detect(frame);
                        reload.record(switched);
                        reloadOverhead.record(Math.max(0, switched - (System.nanoTime() - t1) / NANOS_PER_MILLI));
                    }
                }
            }
        } finally {
            current.close();
        }
        double residentMs = resident.percentile(P50);
        double reloadMs = reload.percentile(P50);
        return new Result(residentMs, reloadMs, steady.percentile(P50), residentOverhead.percentile(P50),
                reloadOverhead.percentile(P50), dropped(residentMs, fps), dropped(reloadMs, fps), rssPerVariant, resident.count(), fps);
    }

    /** Frames a camera at {@code fps} delivers while its stream is blocked for longer than one frame period. */
    static long dropped(double blockedMillis, double fps) {
        double period = MILLIS_PER_SECOND / fps;
        return blockedMillis <= period ? 0 : (long) Math.floor(blockedMillis / period);
    }

    private static void awaitResident(VariantPool pool, List<Variant> variants) throws InterruptedException {
        long deadline = System.currentTimeMillis() + LOAD_WAIT_MILLIS;
        while (pool.residentIds().size() < variants.size()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("Variants did not load within " + LOAD_WAIT_MILLIS / MILLIS_PER_SECOND + " s");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

}
