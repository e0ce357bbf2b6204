package io.edgescope.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgescope.detect.BgrImage;
import io.edgescope.detect.Detection;
import io.edgescope.detect.DetectionResult;
import io.edgescope.detect.Detector;
import io.edgescope.detect.DetectorFactory;
import io.edgescope.detect.StageTimings;
import io.edgescope.detect.variants.Variant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VariantPoolTest {

    private static final BgrImage IMAGE = new BgrImage(2, 2, new byte[12]);
    private final Map<String, AtomicInteger> closed = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> loads = new ConcurrentHashMap<>();

    private DetectorFactory fake(Variant v) {
        loads.computeIfAbsent(v.id(), k -> new AtomicInteger()).incrementAndGet();
        return new DetectorFactory() {
            @Override
            public String variantId() {
                return v.id();
            }

            @Override
            public Detector newDetector() {
                return new Detector() {
                    @Override
                    public String variantId() {
                        return v.id();
                    }

                    @Override
                    public DetectionResult detect(BgrImage image) {
                        return new DetectionResult(List.of(new Detection(0, v.id(), 1f, 0, 0, 1, 1)), new StageTimings(0, 0, 0));
                    }

                    @Override
                    public void close() {
                    }
                };
            }

            @Override
            public void close() {
                closed.computeIfAbsent(v.id(), k -> new AtomicInteger()).incrementAndGet();
            }
        };
    }

    private static Variant v(int size) {
        return Variant.byId("yolox-nano-" + size).orElseThrow();
    }

    @Test
    void shouldLoadTheDefaultAtOnceAndOthersInTheBackground() {
        try (VariantPool pool = new VariantPool(this::fake, Variant.DEFAULT, 3)) {
            assertThat(pool.forCurrentThread("yolox-nano-416")).isPresent();
            assertThat(pool.forCurrentThread("yolox-nano-320")).isEmpty();
            pool.prepare("yolox-nano-320");
            pool.prepare("yolox-nano-320");
            await().atMost(Duration.ofSeconds(10)).until(() -> pool.forCurrentThread("yolox-nano-320").isPresent());
            assertThat(loads.get("yolox-nano-320")).hasValue(1);
        }
        assertThat(closed.keySet()).containsExactlyInAnyOrder("yolox-nano-416", "yolox-nano-320");
    }

    @Test
    void shouldEvictBeyondTheMemoryBudget() {
        double[] rss = {1000};
        java.util.function.Function<Variant, DetectorFactory> growing = v -> {
            rss[0] += 100; // every load grows the process by 100 MiB
            return fake(v);
        };
        try (VariantPool pool = new VariantPool(growing, Variant.DEFAULT, 10, 250, () -> rss[0])) {
            pool.prepare(v(320).id());
            await().atMost(Duration.ofSeconds(10)).until(() -> pool.residentIds().contains(v(320).id()));
            assertThat(pool.residentMib()).isEqualTo(200);
            pool.prepare(v(640).id());
            await().atMost(Duration.ofSeconds(10)).until(() -> pool.residentIds().contains(v(640).id()));
            assertThat(pool.residentIds()).containsExactlyInAnyOrder(Variant.DEFAULT.id(), v(640).id());
            assertThat(pool.residentMib()).isEqualTo(200);
        }
    }

    @Test
    void shouldReportALoadFailureOnceAndNotRetryAtOnce() {
        AtomicInteger failures = new AtomicInteger();
        java.util.function.Function<Variant, DetectorFactory> loader = v -> {
            if (v.id().equals("yolox-nano-512")) {
                loads.computeIfAbsent(v.id(), k -> new AtomicInteger()).incrementAndGet();
                throw new IllegalStateException("corrupt model");
            }
            return fake(v);
        };
        try (VariantPool pool = new VariantPool(loader, Variant.DEFAULT, 3)) {
            pool.prepare("yolox-nano-512", e -> failures.incrementAndGet());
            await().atMost(Duration.ofSeconds(10)).until(() -> failures.get() == 1);
            pool.prepare("yolox-nano-512", e -> failures.incrementAndGet());
            assertThat(pool.forCurrentThread("yolox-nano-512")).isEmpty();
            assertThat(loads.get("yolox-nano-512")).hasValue(1);
        }
    }

    @Test
    void shouldEvictTheLeastRecentlyUsedButNeverTheDefault() {
        try (VariantPool pool = new VariantPool(this::fake, Variant.DEFAULT, 2)) {
            pool.prepare(v(320).id());
            await().atMost(Duration.ofSeconds(10)).until(() -> pool.residentIds().contains(v(320).id()));
            Detector old = pool.forCurrentThread(v(320).id()).orElseThrow();
            pool.forCurrentThread(Variant.DEFAULT.id());
            pool.prepare(v(640).id());
            await().atMost(Duration.ofSeconds(10)).until(() -> pool.residentIds().contains(v(640).id()));
            assertThat(pool.residentIds()).containsExactlyInAnyOrder(Variant.DEFAULT.id(), v(640).id());
            assertThat(closed.get(v(320).id())).hasValue(1);
            // a detector handed out before its variant was evicted still answers, with the default variant
            assertThat(old.detect(IMAGE).detections().get(0).label()).isEqualTo(Variant.DEFAULT.id());
        }
    }
}
