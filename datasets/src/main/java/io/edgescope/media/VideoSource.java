package io.edgescope.media;

import io.edgescope.image.ImageCodec;
import io.edgescope.image.OpenCv;
import java.util.Optional;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.opencv.core.Mat;

/**
 * Frames from anything FFmpeg reads: video files (MP4/H.264, AVI, ...), RTSP/HTTP camera streams,
 * and V4L2 cameras ({@code /dev/videoN}). Frames are re-encoded as JPEG.
 */
public final class VideoSource implements FrameSource {

    private static final String RTSP = "rtsp://";
    private static final String V4L2_DEVICE = "/dev/video";
    private static final int STREAM_TIMEOUT_MICROS = 10_000_000;

    private final FFmpegFrameGrabber grabber;
    private final OpenCVFrameConverter.ToOrgOpenCvCoreMat converter = new OpenCVFrameConverter.ToOrgOpenCvCoreMat();
    private final String description;
    private final boolean live;
    private final int jpegQuality;
    private long index;

    private VideoSource(FFmpegFrameGrabber grabber, String description, boolean live, int jpegQuality) {
        this.grabber = grabber;
        this.description = description;
        this.live = live;
        this.jpegQuality = jpegQuality;
    }

    /** Opens {@code input}: a file path, an {@code rtsp://}/{@code http://} URL or a {@code /dev/videoN} device. */
    public static VideoSource open(String input, int jpegQuality) {
        OpenCv.load();
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(input);
        boolean live = isLive(input);
        if (input.startsWith(RTSP)) {
            grabber.setOption("rtsp_transport", "tcp");
            grabber.setOption("timeout", Integer.toString(STREAM_TIMEOUT_MICROS));
        }
        if (input.startsWith(V4L2_DEVICE)) {
            grabber.setFormat("video4linux2");
        }
        String description = redact(input);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            closeQuietly(grabber);
            throw new MediaException("Cannot open video " + description + ": " + e.getMessage(), e);
        }
        return new VideoSource(grabber, description, live, jpegQuality);
    }

    static boolean isLive(String input) {
        return input.contains("://") || input.startsWith(V4L2_DEVICE);
    }

    /** Removes {@code user:password@} from a URL. */
    static String redact(String input) {
        return input.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
    }

    @Override
    public Optional<EncodedFrame> next() {
        try {
            Frame frame = grabber.grabImage();
            if (frame == null) {
                return Optional.empty();
            }
            Mat mat = converter.convert(frame);
            byte[] jpeg = ImageCodec.encodeJpeg(mat, jpegQuality);
            return Optional.of(new EncodedFrame(index++, jpeg, EncodedFrame.JPEG, mat.cols(), mat.rows()));
        } catch (FrameGrabber.Exception e) {
            throw new MediaException("Cannot read frame " + index + " of " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public double fps() {
        return grabber.getFrameRate();
    }

    @Override
    public boolean live() {
        return live;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        closeQuietly(grabber);
        converter.close();
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            // closing a grabber that failed to start; nothing more to release
        }
    }
}
