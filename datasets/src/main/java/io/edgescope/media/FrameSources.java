package io.edgescope.media;

import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the right {@link FrameSource} for an {@code --input}: a folder, a video file, a URL or a device. */
public final class FrameSources {

    private FrameSources() {
    }

    public static FrameSource open(String input, int jpegQuality) {
        if (VideoSource.isLive(input)) {
            return VideoSource.open(input, jpegQuality);
        }
        Path path = Path.of(input);
        if (Files.isDirectory(path)) {
            return ImageDirectorySource.open(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new MediaException("Input not found: " + input
                    + " (expected a video file, an image folder, an rtsp:// URL or /dev/videoN)");
        }
        return VideoSource.open(input, jpegQuality);
    }
}
