package io.edgescope.topology;

import io.edgescope.detect.Detector;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Fake variants for topology tests: prepare() loads at once unless loads are held back. */
final class FakeDetectors implements DetectorProvider {

    static final String DEFAULT = "yolox-nano-416";
    final Map<String, FakeDetector> loaded = new HashMap<>();
    final Set<String> requested = new HashSet<>();
    boolean holdLoads;

    FakeDetectors() {
        loaded.put(DEFAULT, new FakeDetector(DEFAULT));
    }

    @Override
    public String defaultVariant() {
        return DEFAULT;
    }

    @Override
    public boolean knows(String variantId) {
        return variantId.startsWith("yolox-nano-");
    }

    @Override
    public Optional<Detector> forCurrentThread(String variantId) {
        return Optional.ofNullable(loaded.get(variantId));
    }

    final Set<String> failing = new HashSet<>();

    @Override
    public void prepare(String variantId, java.util.function.Consumer<Exception> onFailure) {
        requested.add(variantId);
        if (failing.contains(variantId)) {
            onFailure.accept(new IllegalStateException("model file is corrupt"));
            return;
        }
        if (!holdLoads) {
            loaded.putIfAbsent(variantId, new FakeDetector(variantId));
        }
    }

    /** Completes the loads held back. */
    void finishLoads() {
        requested.forEach(v -> loaded.putIfAbsent(v, new FakeDetector(v)));
    }

    int calls() {
        return loaded.values().stream().mapToInt(d -> d.calls.get()).sum();
    }
}
