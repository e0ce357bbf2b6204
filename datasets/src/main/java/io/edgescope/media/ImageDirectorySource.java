package io.edgescope.media;

import io.edgescope.image.ImageHeader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Frames from a folder of JPEG/PNG images in name order. Understands the MOTChallenge layout: a
 * sequence folder with {@code img1/} and {@code seqinfo.ini} (whose {@code frameRate} gives the fps).
 * Images are sent as they are, without re-encoding.
 */
public final class ImageDirectorySource implements FrameSource {

    static final String MOT_IMAGES = "img1";
    static final String MOT_INFO = "seqinfo.ini";
    private static final String FRAME_RATE_KEY = "frameRate";

    private final Path folder;
    private final List<Path> files;
    private final double fps;
    private int position;

    private ImageDirectorySource(Path folder, List<Path> files, double fps) {
        this.folder = folder;
        this.files = files;
        this.fps = fps;
    }

    public static ImageDirectorySource open(Path folder) {
        Path images = Files.isDirectory(folder.resolve(MOT_IMAGES)) ? folder.resolve(MOT_IMAGES) : folder;
        List<Path> files;
        try (Stream<Path> listing = Files.list(images)) {
            files = listing.filter(ImageDirectorySource::isImage).sorted().toList();
        } catch (IOException e) {
            throw new MediaException("Cannot list images in " + images + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new MediaException("No .jpg, .jpeg or .png images in " + images);
        }
        return new ImageDirectorySource(folder, files, readFps(folder.resolve(MOT_INFO)));
    }

    private static boolean isImage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png"));
    }

    private static double readFps(Path info) {
        if (!Files.isRegularFile(info)) {
            return 0;
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(info)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String rate = props.getProperty(FRAME_RATE_KEY);
        return rate == null ? 0 : Double.parseDouble(rate.strip());
    }

    @Override
    public Optional<EncodedFrame> next() {
        if (position >= files.size()) {
            return Optional.empty();
        }
        Path file = files.get(position);
        try {
            byte[] bytes = Files.readAllBytes(file);
            ImageHeader.Size size = ImageHeader.read(bytes)
                    .orElseThrow(() -> new MediaException("Not a readable JPEG/PNG: " + file));
            String format = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")
                    ? EncodedFrame.PNG : EncodedFrame.JPEG;
            return Optional.of(new EncodedFrame(position++, bytes, format, size.width(), size.height()));
        } catch (IOException e) {
            throw new MediaException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public double fps() {
        return fps;
    }

    @Override
    public boolean live() {
        return false;
    }

    @Override
    public String description() {
        return folder.toString();
    }

    @Override
    public void close() {
        // files are read whole; nothing stays open
    }
}
