package io.edgescope.app;

import io.edgescope.detect.BgrImage;
import io.edgescope.detect.DetectionResult;
import io.edgescope.detect.Detector;
import io.edgescope.detect.DetectorFactory;
import io.edgescope.detect.variants.Variant;
import io.edgescope.topology.DetectorProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loaded detector variants: at most {@code maxResident} models and {@code budgetMib} of memory
 * (each variant's cost estimated as the growth of process RSS while it loaded), least recently used
 * evicted first (never the default), each loaded and warmed up on a background thread, and one
 * detector (predictor) per stream thread and variant. A detector whose variant was evicted while
 * in use answers with the default variant instead, so no frame is lost to an eviction.
 */
public final class VariantPool implements DetectorProvider, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VariantPool.class);
    private static final long CLOSE_WAIT_SECONDS = 30;
    static final long RETRY_AFTER_MILLIS = 30_000;

    private final Function<Variant, DetectorFactory> loader;
    private final Variant defaultVariant;
    private final int maxResident;
    private final double budgetMib;
    private final DoubleSupplier rssMib;
    private final ExecutorService loads = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "variant-loader");
        t.setDaemon(true);
        return t;
    });
    private final LinkedHashMap<String, Resident> resident = new LinkedHashMap<>(16, 0.75f, true);
    private final Set<String> loading = new HashSet<>();
    /** Variants that failed to load, with when: not retried for {@link #RETRY_AFTER_MILLIS}. */
    private final Map<String, Long> failedAt = new HashMap<>();

    /** A loaded model, its per-thread detectors, and the lock that keeps eviction from closing a detector mid-frame. */
    private static final class Resident {
        final DetectorFactory factory;
        final double mib;
        final Map<Thread, Detector> perThread = new ConcurrentHashMap<>();
        final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        volatile boolean closed;

        Resident(DetectorFactory factory, double mib) {
            this.factory = factory;
            this.mib = mib;
        }
    }

    /** A pool bounded by the number of resident variants only. */
    public VariantPool(Function<Variant, DetectorFactory> loader, Variant defaultVariant, int maxResident) {
        this(loader, defaultVariant, maxResident, Double.MAX_VALUE, () -> 0);
    }

    /**
     * Loads the default variant now (so it is always there).
     *
     * @param budgetMib memory the resident variants may use together (the default always stays)
     * @param rssMib the process's resident memory now, to estimate each variant's cost as it loads
     */
    public VariantPool(Function<Variant, DetectorFactory> loader, Variant defaultVariant, int maxResident, double budgetMib,
                       DoubleSupplier rssMib) {
        if (maxResident < 1) {
            throw new IllegalArgumentException("at least one variant must fit, got " + maxResident);
        }
        this.loader = loader;
        this.defaultVariant = defaultVariant;
        this.maxResident = maxResident;
        this.budgetMib = budgetMib;
        this.rssMib = rssMib;
        double before = rssMib.getAsDouble();
        DetectorFactory factory = loader.apply(defaultVariant);
        resident.put(defaultVariant.id(), new Resident(factory, Math.max(0, rssMib.getAsDouble() - before)));
    }

    @Override
    public String defaultVariant() {
        return defaultVariant.id();
    }

    @Override
    public boolean knows(String variantId) {
        return Variant.byId(variantId).isPresent();
    }

    @Override
    public Optional<Detector> forCurrentThread(String variantId) {
        Resident r;
        synchronized (this) {
            r = resident.get(variantId);
        }
        if (r == null) {
            return Optional.empty();
        }
        Detector inner = r.perThread.computeIfAbsent(Thread.currentThread(), t -> r.factory.newDetector());
        return Optional.of(new Guarded(inner, r));
    }

    @Override
    public synchronized void prepare(String variantId, Consumer<Exception> onFailure) {
        if (resident.containsKey(variantId) || loading.contains(variantId)) {
            return;
        }
        Long failed = failedAt.get(variantId);
        if (failed != null && System.currentTimeMillis() - failed < RETRY_AFTER_MILLIS) {
            return;
        }
        Variant variant = Variant.byId(variantId).orElseThrow(() -> new IllegalArgumentException("unknown variant " + variantId));
        loading.add(variantId);
        loads.submit(() -> load(variant, onFailure));
    }

    /** The ids of the variants loaded now, least recently used first. */
    public synchronized List<String> residentIds() {
        return new ArrayList<>(resident.keySet());
    }

    private void load(Variant variant, Consumer<Exception> onFailure) {
        DetectorFactory factory;
        double cost;
        try {
            long started = System.nanoTime();
            double before = rssMib.getAsDouble();
            factory = loader.apply(variant);
            cost = Math.max(0, rssMib.getAsDouble() - before);
            LOG.info("Variant {} loaded and warmed up in {} ms", variant.id(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (RuntimeException e) {
            LOG.error("Variant {} failed to load; streams keep their current variant: {}", variant.id(), e.getMessage());
            synchronized (this) {
                loading.remove(variant.id());
                failedAt.put(variant.id(), System.currentTimeMillis());
            }
            onFailure.accept(e);
            return;
        }
        List<Resident> evicted = new ArrayList<>();
        synchronized (this) {
            loading.remove(variant.id());
            resident.put(variant.id(), new Resident(factory, cost));
            var it = resident.entrySet().iterator();
            while (overBudget() && it.hasNext()) {
                Map.Entry<String, Resident> eldest = it.next();
                if (!eldest.getKey().equals(defaultVariant.id()) && !eldest.getKey().equals(variant.id())) {
                    evicted.add(eldest.getValue());
                    LOG.info("Variant {} evicted (budget: {} variants, {} MiB)", eldest.getKey(), maxResident, budgetMib);
                    it.remove();
                }
            }
        }
        evicted.forEach(VariantPool::release);
    }

    /** Native arrays the resident variants hold (see {@link DetectorFactory#openNativeArrays()}). */
    public synchronized long openNativeArrays() {
        return resident.values().stream().mapToLong(r -> r.factory.openNativeArrays()).sum();
    }

    /** Memory the resident variants are estimated to use, in MiB. */
    public synchronized double residentMib() {
        return resident.values().stream().mapToDouble(r -> r.mib).sum();
    }

    private boolean overBudget() {
        return resident.size() > maxResident || residentMib() > budgetMib;
    }

    private static void release(Resident r) {
        r.lock.writeLock().lock();
        try {
            r.closed = true;
            r.perThread.values().forEach(Detector::close);
            r.factory.close();
        } finally {
            r.lock.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        loads.shutdownNow();
        try {
            loads.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Resident> all;
        synchronized (this) {
            all = new ArrayList<>(resident.values());
            resident.clear();
        }
        all.forEach(VariantPool::release);
    }

    /** A detector that runs under its variant's read lock and falls back to the default variant if it was evicted. */
    private final class Guarded implements Detector {
        private final Detector inner;
        private final Resident owner;

        Guarded(Detector inner, Resident owner) {
            this.inner = inner;
            this.owner = owner;
        }

        @Override
        public String variantId() {
            return inner.variantId();
        }

        @Override
        public DetectionResult detect(BgrImage image) {
            owner.lock.readLock().lock();
            try {
                if (!owner.closed) {
                    return inner.detect(image);
                }
            } finally {
                owner.lock.readLock().unlock();
            }
            return forCurrentThread(defaultVariant.id()).orElseThrow().detect(image);
        }

        @Override
        public void close() {
            // the pool owns the detectors
        }
    }
}
