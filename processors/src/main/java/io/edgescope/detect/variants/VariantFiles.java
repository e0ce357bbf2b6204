package io.edgescope.detect.variants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Derives variant model files from the shipped model once, into a cache folder (never into the repository). */
public final class VariantFiles {

    static final String INPUT_NAME = "images";
    static final int COCO_CLASSES = 80;
    private static final int HASH_PREFIX = 12;

    private VariantFiles() {
    }

    /** The model file for {@code variant}: the shipped model itself, else a copy derived from it in {@code cacheDir}. */
    public static Path materialize(Path baseModel, Variant variant, Path cacheDir) {
        if (!variant.derived()) {
            return baseModel;
        }
        try {
            byte[] base = Files.readAllBytes(baseModel);
            Path target = cacheDir.resolve(String.format("yolox_nano_%d-%s.onnx", variant.inputSize(),
                    sha256(base).substring(0, HASH_PREFIX)));
            if (Files.isRegularFile(target)) {
                return target;
            }
            Files.createDirectories(cacheDir);
            Path partial = Files.createTempFile(cacheDir, "variant", ".part");
            Files.write(partial, OnnxInputResizer.resize(base, INPUT_NAME, variant.inputSize(), COCO_CLASSES));
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot derive " + variant.id() + " from " + baseModel + " into " + cacheDir, e);
        }
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
