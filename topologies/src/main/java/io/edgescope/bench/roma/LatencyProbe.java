package io.edgescope.bench.roma;

import io.edgescope.detect.BgrImage;
import io.edgescope.detect.Detector;
import io.edgescope.detect.DetectorFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Measures each variant's detector latency under each load condition on this host. Conditions and
 * variants are interleaved round by round, so the host's own drift spreads over all of them
 * instead of favouring whichever was measured first.
 */
final class LatencyProbe {

    private static final double NANOS_PER_MILLI = 1_000_000.0;
    private static final int WARM_UP = 3;
    private static final long SETTLE_MILLIS = 200;

    private LatencyProbe() {
    }

    /**
     * @param detectors one warmed-up detector per variant id (the measured stream's)
     * @param background makes the detector each other stream runs
     */
    static LatencyTable measure(List<LoadCondition> conditions, Map<String, Detector> detectors, DetectorFactory background,
                                List<BgrImage> frames, int rounds, int perRound, Consumer<String> progress) throws InterruptedException {
        Map<String, Map<String, List<Double>>> samples = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (LoadCondition condition : conditions) {
                progress.accept("latency round " + (round + 1) + "/" + rounds + " under " + condition.name());
                try (Load load = Load.start(condition, background, frames.get(0))) {
                    Thread.sleep(SETTLE_MILLIS);
                    int f = 0;
                    for (Map.Entry<String, Detector> e : detectors.entrySet()) {
                        for (int i = 0; i < WARM_UP + perRound; i++) {
                            BgrImage frame = frames.get(f++ % frames.size());
                            long t0 = System.nanoTime();
                            e.getValue().detect(frame);
                            double ms = (System.nanoTime() - t0) / NANOS_PER_MILLI;
                            if (i >= WARM_UP) {
                                samples.computeIfAbsent(condition.name(), k -> new LinkedHashMap<>())
                                        .computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(ms);
                            }
                        }
                    }
                }
            }
        }
        Map<String, Map<String, double[]>> out = new LinkedHashMap<>();
        samples.forEach((c, byVariant) -> {
            Map<String, double[]> m = new LinkedHashMap<>();
            byVariant.forEach((v, list) -> m.put(v, list.stream().mapToDouble(Double::doubleValue).toArray()));
            out.put(c, m);
        });
        return new LatencyTable(out);
    }

    /** Background threads making a load condition; stopped on close. */
    private static final class Load implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        private final List<Detector> detectors = new ArrayList<>();
        /** Keeps the hog's arithmetic from being optimised away. */
        private volatile double sink;

        static Load start(LoadCondition condition, DetectorFactory background, BgrImage frame) {
            Load load = new Load();
            for (int i = 0; i < condition.busyThreads(); i++) {
                load.spawn("cpu-hog-" + i, load::spin);
            }
            for (int i = 0; i < condition.otherStreams(); i++) {
                Detector d = background.newDetector();
                load.detectors.add(d);
                load.spawn("other-stream-" + i, () -> {
                    while (load.running.get()) {
                        d.detect(frame);
                    }
                });
            }
            return load;
        }

        private void spawn(String name, Runnable body) {
            Thread t = new Thread(body, name);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }

        private void spin() {
            double x = 1;
            while (running.get()) {
                for (int i = 0; i < 100_000; i++) {
                    x = Math.sin(x) + 1.000001;
                }
            }
            sink = x;
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join();
            }
            detectors.forEach(Detector::close);
        }
    }
}
