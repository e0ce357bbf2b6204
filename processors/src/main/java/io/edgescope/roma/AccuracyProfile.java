package io.edgescope.roma;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The offline part of ROMA: size buckets and, per candidate variant, accuracy by size and latency. */
public record AccuracyProfile(SizeBuckets buckets, Map<String, VariantAccuracy> variants) {

    public AccuracyProfile {
        variants = Collections.unmodifiableMap(new LinkedHashMap<>(variants));
        for (VariantAccuracy v : variants.values()) {
            if (v.ap50BySize().length != buckets.count()) {
                throw new IllegalArgumentException("variant " + v.variantId() + " has " + v.ap50BySize().length
                        + " size buckets, the profile " + buckets.count());
            }
        }
    }

    public static AccuracyProfile of(SizeBuckets buckets, List<VariantAccuracy> variants) {
        Map<String, VariantAccuracy> map = new LinkedHashMap<>();
        variants.forEach(v -> map.put(v.variantId(), v));
        return new AccuracyProfile(buckets, map);
    }

    public VariantAccuracy variant(String id) {
        VariantAccuracy v = variants.get(id);
        if (v == null) {
            throw new IllegalArgumentException("variant " + id + " is not in the accuracy profile " + variants.keySet());
        }
        return v;
    }

    /** The candidate in the middle of the latency order: a start for a stream before anything is measured. */
    public String middleByLatency() {
        List<String> ids = byLatency();
        return ids.get(ids.size() / 2);
    }

    /** Candidate ids, lightest (offline latency) first. */
    public List<String> byLatency() {
        return variants.values().stream().sorted(Comparator.comparingDouble(VariantAccuracy::latencyMillis))
                .map(VariantAccuracy::variantId).toList();
    }
}
