package io.edgescope.console;

import io.edgescope.schemas.BoundingBox;
import io.edgescope.schemas.Detections;
import java.util.List;
import java.util.Locale;

/** Detections as CSV, one row per box (a frame without boxes is one row with empty box columns). */
public final class DetectionExport {

    public static final String CSV_HEADER = "stream_id,sequence,capture_time,variant_id,label,score,x,y,width,height";

    private DetectionExport() {
    }

    public static String csv(List<Detections> records) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        for (Detections d : records) {
            String frame = quote(d.getStreamId()) + "," + d.getSequence() + "," + d.getCaptureTime() + "," + quote(d.getVariantId());
            if (d.getBoxes().isEmpty()) {
                out.append(frame).append(",,,,,,\n");
            }
            for (BoundingBox b : d.getBoxes()) {
                out.append(frame).append(String.format(Locale.ROOT, ",%s,%.4f,%.1f,%.1f,%.1f,%.1f%n", quote(b.getLabel()), b.getScore(), b.getX(),
                        b.getY(), b.getWidth(), b.getHeight()));
            }
        }
        return out.toString();
    }

    /** RFC 4180 quoting where needed. */
    static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
