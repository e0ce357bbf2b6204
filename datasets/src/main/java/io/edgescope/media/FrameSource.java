package io.edgescope.media;

import java.util.Optional;

/** Where frames come from: a video file, an image folder, a camera. Single-threaded use. */
public interface FrameSource extends AutoCloseable {

    /** The next frame, or empty at the end of a finite source. */
    Optional<EncodedFrame> next();

    /** Native frame rate, or 0 when unknown. */
    double fps();

    /** Whether the source paces itself (a camera delivers frames in real time; files do not). */
    boolean live();

    /** Where the frames come from, with any credentials removed. */
    String description();

    @Override
    void close();
}
