package io.edgescope.bench.roma;

import io.edgescope.detect.BgrImage;
import io.edgescope.detect.Detection;
import io.edgescope.detect.DetectionResult;
import io.edgescope.detect.Detector;
import io.edgescope.detect.DetectorFactory;
import io.edgescope.detect.variants.Variant;
import io.edgescope.eval.DetectionSet;
import io.edgescope.eval.MotSequence;
import io.edgescope.eval.ScoredBox;
import io.edgescope.eval.policy.DetectionBank;
import io.edgescope.image.ImageCodec;
import io.edgescope.image.Mats;
import io.edgescope.media.EncodedFrame;
import io.edgescope.media.ImageDirectorySource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every variant once over every frame of every sequence and keeps the boxes of one class, in
 * a cache folder (JSON Lines per sequence and variant) so later runs reuse them. Each frame is
 * decoded once for all variants.
 */
final class DetectionBankBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(DetectionBankBuilder.class);
    private static final double NANOS_PER_MILLI = 1_000_000.0;
    static final String IMAGES = "img1";
    /** Grey of the canvas around a zoomed-out frame: the detector's own letterbox fill, so the border reads as padding. */
    private static final int ZOOM_FILL = 114;

    private DetectionBankBuilder() {
    }

    /** Detections per clip name and variant id. */
    record Bank(Map<String, Map<String, DetectionSet>> sets) implements DetectionBank {
        @Override
        public List<ScoredBox> boxes(String clip, String variantId, int sourceFrame) {
            return sets.get(clip).get(variantId).of(sourceFrame);
        }

        /** Median offline latency of a variant over every frame of every clip. */
        double medianLatency(String variantId) {
            double[] all = sets.values().stream().flatMap(m -> m.get(variantId).latencyMillis().values().stream())
                    .mapToDouble(Double::doubleValue).sorted().toArray();
            return all.length == 0 ? Double.NaN : all[all.length / 2];
        }
    }

    static Bank build(List<MotSequence> sequences, List<Variant> variants, Function<Variant, DetectorFactory> models, String label,
                      long maxPixels, Path cacheDir, Consumer<String> progress) {
        Map<String, Map<String, DetectionSet>> sets = new LinkedHashMap<>();
        for (MotSequence seq : sequences) {
            Path dir = cacheDir.resolve(seq.name() + "-" + Integer.toHexString(
                    (seq.folder().toAbsolutePath().normalize() + "|" + seq.length() + "|" + label
                    + (seq.zoom() == MotSequence.AS_RECORDED ? "" : "|zoom " + seq.zoom())).hashCode()));
            Map<String, DetectionSet> bySeq = new LinkedHashMap<>();
            List<Variant> missing = new ArrayList<>();
            for (Variant v : variants) {
                Path file = dir.resolve(v.id() + ".jsonl");
                if (Files.isRegularFile(file)) {
                    bySeq.put(v.id(), DetectionSet.read(file, label));
                } else {
                    missing.add(v);
                }
            }
            if (!missing.isEmpty()) {
                progress.accept("detecting " + seq.name() + " (" + seq.length() + " frames) with " + missing.stream().map(Variant::id).toList());
                detect(seq, missing, models, label, maxPixels).forEach((id, set) -> {
                    write(dir, id, set, label);
                    bySeq.put(id, set);
                });
            }
            sets.put(seq.name(), bySeq);
        }
        return new Bank(sets);
    }

    private static Map<String, DetectionSet> detect(MotSequence seq, List<Variant> variants, Function<Variant, DetectorFactory> models,
                                                    String label, long maxPixels) {
        Map<String, Map<Integer, List<ScoredBox>>> boxes = new HashMap<>();
        Map<String, Map<Integer, Double>> latency = new HashMap<>();
        List<DetectorFactory> factories = new ArrayList<>();
        List<Detector> detectors = new ArrayList<>();
        try (ImageDirectorySource frames = ImageDirectorySource.open(seq.folder().resolve(IMAGES))) {
            for (Variant v : variants) {
                DetectorFactory f = models.apply(v);
                factories.add(f);
                detectors.add(f.newDetector());
                boxes.put(v.id(), new TreeMap<>());
                latency.put(v.id(), new TreeMap<>());
            }
            ImageCodec codec = new ImageCodec(maxPixels);
            int frame = 0;
            for (Optional<EncodedFrame> next = frames.next(); next.isPresent() && frame < seq.length(); next = frames.next()) {
                frame++;
                BgrImage image = asShown(codec.decode(next.get().image()), seq);
                for (Detector d : detectors) {
                    long t0 = System.nanoTime();
                    DetectionResult r = d.detect(image);
                    latency.get(d.variantId()).put(frame, (System.nanoTime() - t0) / NANOS_PER_MILLI);
                    boxes.get(d.variantId()).put(frame, r.detections().stream().filter(x -> label.equals(x.label()))
                            .map(DetectionBankBuilder::scored).toList());
                }
            }
        } finally {
            detectors.forEach(Detector::close);
            factories.forEach(DetectorFactory::close);
        }
        Map<String, DetectionSet> out = new LinkedHashMap<>();
        for (Variant v : variants) {
            out.put(v.id(), new DetectionSet(boxes.get(v.id()), latency.get(v.id()), v.id()));
        }
        return out;
    }

    /** The frame as the sequence shows it: zoomed out when the sequence is a zoomed-out copy of its folder's frames. */
    static BgrImage asShown(BgrImage image, MotSequence seq) {
        return seq.zoom() == MotSequence.AS_RECORDED ? image : Mats.zoomOut(image, seq.zoom(), ZOOM_FILL);
    }

    static ScoredBox scored(Detection d) {
        return new ScoredBox(d.x(), d.y(), d.width(), d.height(), d.score());
    }

    private static void write(Path dir, String variantId, DetectionSet set, String label) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(variantId + ".jsonl.tmp");
            set.write(tmp, label);
            Files.move(tmp, dir.resolve(variantId + ".jsonl"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            LOG.debug("cached {} detections in {}", variantId, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot cache detections in " + dir, e);
        }
    }
}
