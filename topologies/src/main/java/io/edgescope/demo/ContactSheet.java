package io.edgescope.demo;

import io.edgescope.image.OpenCv;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** A grid of evenly spaced annotated frames, written as one PNG. */
final class ContactSheet {

    static final int MAX_TILES = 12;
    static final int COLUMNS = 4;
    static final int TILE_WIDTH = 320;
    private static final int BACKGROUND = 32;

    private ContactSheet() {
    }

    /** Evenly spaced picks of at most {@code max} items, first and last included. */
    static <T> List<T> evenlySpaced(List<T> items, int max) {
        if (items.size() <= max) {
            return List.copyOf(items);
        }
        List<T> picked = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            picked.add(items.get((int) Math.round(i * (items.size() - 1) / (double) (max - 1))));
        }
        return picked;
    }

    static void write(List<Path> frames, Path target) {
        OpenCv.load();
        List<Path> tiles = evenlySpaced(frames, MAX_TILES);
        if (tiles.isEmpty()) {
            return;
        }
        List<Mat> thumbs = new ArrayList<>();
        int tileHeight = 0;
        for (Path p : tiles) {
            Mat img = Imgcodecs.imread(p.toString());
            Mat thumb = new Mat();
            Imgproc.resize(img, thumb, new Size(TILE_WIDTH, Math.round((double) img.rows() * TILE_WIDTH / img.cols())));
            img.release();
            tileHeight = Math.max(tileHeight, thumb.rows());
            thumbs.add(thumb);
        }
        int rows = (thumbs.size() + COLUMNS - 1) / COLUMNS;
        int columns = Math.min(COLUMNS, thumbs.size());
        Mat sheet = new Mat(rows * tileHeight, columns * TILE_WIDTH, CvType.CV_8UC3, Scalar.all(BACKGROUND));
        for (int i = 0; i < thumbs.size(); i++) {
            Mat thumb = thumbs.get(i);
            Rect at = new Rect((i % COLUMNS) * TILE_WIDTH, (i / COLUMNS) * tileHeight, thumb.cols(), thumb.rows());
            thumb.copyTo(sheet.submat(at));
            thumb.release();
        }
        Imgcodecs.imwrite(target.toString(), sheet);
        sheet.release();
    }
}
