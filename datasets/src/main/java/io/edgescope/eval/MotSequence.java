package io.edgescope.eval;

import io.edgescope.media.MediaException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * A MOTChallenge sequence folder ({@code seqinfo.ini}, {@code img1/}, {@code gt/gt.txt}) with ground
 * truth for detection evaluation, in either format:
 * <ul>
 *   <li>2D MOT 2015, 10 columns {@code frame,id,left,top,width,height,flag,x,y,z}: flag 1 counts, 0 is ignored;</li>
 *   <li>MOT16/17/20, 9 columns {@code frame,id,left,top,width,height,flag,class,visibility}: pedestrians
 *       (class 1) with flag 1 count; flag 0 and the classes person-on-vehicle (2), static person (7),
 *       distractor (8) and reflection (12) are ignored; other classes (vehicles, objects) are left out.</li>
 * </ul>
 * Boxes are clipped to the image; boxes with nothing left inside are dropped.
 */
public record MotSequence(String name, Path folder, double fps, int length, int width, int height,
                          Map<Integer, List<GtBox>> truth, String pseudoGroundTruthBy, double zoom) {

    /** seqinfo.ini key naming the detector whose output stands in for labels (absent for human labels). */
    public static final String PSEUDO_KEY = "pseudoGroundTruthBy";

    static final String INFO = "seqinfo.ini";
    static final String GT = "gt/gt.txt";
    private static final int MOT15_COLUMNS = 10;
    private static final int MOT16_COLUMNS = 9;
    private static final int PEDESTRIAN = 1;
    private static final Set<Integer> IGNORED_CLASSES = Set.of(2, 7, 8, 12);

    /** Zoom of a sequence as recorded. */
    public static final double AS_RECORDED = 1;

    /**
     * @param zoom 1: the frames as recorded; below 1: each frame shrunk by this factor and centred on a canvas of the same
     *             size (a wider view: every object that much smaller, moving that much slower in pixels), labels alike
     */
    public MotSequence {
        truth = Map.copyOf(truth);
        if (!(zoom > 0 && zoom <= AS_RECORDED)) {
            throw new IllegalArgumentException("zoom must be in (0, 1], got " + zoom);
        }
    }

    public static MotSequence load(Path folder) {
        Properties info = new Properties();
        try (Reader in = Files.newBufferedReader(folder.resolve(INFO))) {
            info.load(in);
        } catch (IOException e) {
            throw new MediaException("Not a MOTChallenge sequence (no readable " + INFO + "): " + folder, e);
        }
        int width = intValue(info, "imWidth", folder);
        int height = intValue(info, "imHeight", folder);
        Map<Integer, List<GtBox>> truth = new TreeMap<>();
        Path gt = folder.resolve(GT);
        List<String> lines;
        try {
            lines = Files.readAllLines(gt);
        } catch (IOException e) {
            throw new MediaException("No ground truth " + gt + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty()) {
                parse(line, width, height, gt, i + 1).ifPresent(b -> truth.computeIfAbsent(b.frame(), f -> new ArrayList<>()).add(b));
            }
        }
        String pseudo = info.getProperty(PSEUDO_KEY);
        return new MotSequence(info.getProperty("name", folder.getFileName().toString()).strip(), folder,
                Double.parseDouble(info.getProperty("frameRate", "0").strip()), intValue(info, "seqLength", folder),
                width, height, truth, pseudo == null ? null : pseudo.strip(), AS_RECORDED);
    }

    /** A copy played at another frame rate. */
    public MotSequence atFps(double newFps) {
        return new MotSequence(name, folder, newFps, length, width, height, truth, pseudoGroundTruthBy, zoom);
    }

    /**
     * A zoomed-out copy named {@code name + suffix}: each frame shrunk by {@code factor} and centred on a canvas of the
     * same size, labels moved alike — every object {@code factor} times as large relative to the frame.
     */
    public MotSequence zoomedOut(double factor, String suffix) {
        if (!(factor > 0 && factor <= AS_RECORDED)) {
            throw new IllegalArgumentException("a zoom-out factor must be in (0, 1], got " + factor);
        }
        double dx = (1 - factor) * width / 2;
        double dy = (1 - factor) * height / 2;
        Map<Integer, List<GtBox>> moved = new java.util.HashMap<>();
        truth.forEach((frame, boxes) -> moved.put(frame, boxes.stream().map(b -> new GtBox(b.frame(), (float) (b.x() * factor + dx),
                (float) (b.y() * factor + dy), (float) (b.width() * factor), (float) (b.height() * factor), b.ignore())).toList()));
        return new MotSequence(name + suffix, folder, fps, length, width, height, moved, pseudoGroundTruthBy, zoom * factor);
    }

    /** Ground truth of a 1-based frame (empty when none). */
    public List<GtBox> truthOf(int frame) {
        return truth.getOrDefault(frame, List.of());
    }

    static java.util.Optional<GtBox> parse(String line, int width, int height, Path file, int lineNumber) {
        String[] f = line.split(",");
        if (f.length != MOT15_COLUMNS && f.length != MOT16_COLUMNS) {
            throw new MediaException(file + ":" + lineNumber + ": expected 9 (MOT16+) or 10 (MOT15) columns, got " + f.length);
        }
        int frame = (int) Double.parseDouble(f[0].strip());
        float left = Float.parseFloat(f[2].strip());
        float top = Float.parseFloat(f[3].strip());
        float right = left + Float.parseFloat(f[4].strip());
        float bottom = top + Float.parseFloat(f[5].strip());
        boolean flagged = Double.parseDouble(f[6].strip()) != 0;
        boolean ignore;
        if (f.length == MOT15_COLUMNS) {
            ignore = !flagged;
        } else {
            int cls = (int) Double.parseDouble(f[7].strip());
            if (cls != PEDESTRIAN && !IGNORED_CLASSES.contains(cls)) {
                return java.util.Optional.empty();
            }
            ignore = !flagged || cls != PEDESTRIAN;
        }
        float x1 = Math.max(0, left);
        float y1 = Math.max(0, top);
        float x2 = Math.min(width, right);
        float y2 = Math.min(height, bottom);
        if (x2 <= x1 || y2 <= y1) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new GtBox(frame, x1, y1, x2 - x1, y2 - y1, ignore));
    }

    private static int intValue(Properties info, String key, Path folder) {
        String v = info.getProperty(key);
        if (v == null) {
            throw new MediaException(folder.resolve(INFO) + " has no " + key);
        }
        return Integer.parseInt(v.strip());
    }
}
