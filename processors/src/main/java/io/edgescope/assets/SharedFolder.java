package io.edgescope.assets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code shared/} data folder beside the project (models, samples, datasets), found by walking up. */
public final class SharedFolder {

    public static final String NAME = "shared";

    private SharedFolder() {
    }

    /** {@code d/shared} for {@code start} and each of its ancestors d, nearest first. */
    public static List<Path> candidates(Path start) {
        List<Path> out = new ArrayList<>();
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            out.add(dir.resolve(NAME));
        }
        return out;
    }

    /** The nearest existing {@code shared/} folder up from the working directory. */
    public static Optional<Path> find() {
        return candidates(Path.of("")).stream().filter(Files::isDirectory).findFirst();
    }
}
