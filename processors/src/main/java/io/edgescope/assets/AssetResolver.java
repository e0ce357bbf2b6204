package io.edgescope.assets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a model or sample file, in this order: an explicit folder ({@code --models DIR}) or
 * {@code EDGESCOPE_HOME}; a {@code shared/} folder beside the project (found by walking up from the
 * working directory, as {@code ../shared} in development and CI); the user cache
 * ({@code ~/.cache/edgescope}); else downloads it once into the cache from upstream and checks it.
 */
public final class AssetResolver {

    /** Environment variable naming a folder holding assets (flat, or in models/ and samples/). */
    public static final String HOME_ENV = "EDGESCOPE_HOME";

    private static final Logger LOG = LoggerFactory.getLogger(AssetResolver.class);

    private final List<Path> explicitDirs;
    private final Path workingDir;
    private final Path cacheDir;
    private final Downloader downloader;
    private final Downloader.Progress progress;

    /**
     * @param explicitDirs folders tried first ({@code --models}, {@code EDGESCOPE_HOME}); may be empty
     * @param workingDir where the walk up for {@code shared/} starts
     * @param cacheDir the user cache, where downloads go
     * @param progress told about download progress
     */
    public AssetResolver(List<Path> explicitDirs, Path workingDir, Path cacheDir, Downloader downloader,
                         Downloader.Progress progress) {
        this.explicitDirs = List.copyOf(explicitDirs);
        this.workingDir = workingDir.toAbsolutePath().normalize();
        this.cacheDir = cacheDir;
        this.downloader = downloader;
        this.progress = progress;
    }

    /** A resolver for this process: {@code --models} dir if given, then EDGESCOPE_HOME, cwd, ~/.cache/edgescope. */
    public static AssetResolver forProcess(Optional<Path> modelsDir, Downloader.Progress progress) {
        List<Path> dirs = new ArrayList<>();
        modelsDir.ifPresent(dirs::add);
        Optional.ofNullable(System.getenv(HOME_ENV)).filter(s -> !s.isBlank()).map(Path::of).ifPresent(dirs::add);
        return new AssetResolver(dirs, Path.of(""), userCacheDir(), new Downloader(), progress);
    }

    /** {@code ~/.cache/edgescope}: downloads and derived model variants. */
    public static Path userCacheDir() {
        return Path.of(System.getProperty("user.home"), ".cache", "edgescope");
    }

    /**
     * The path of {@code asset}; a freshly downloaded file is passed to {@code verifier} first, and
     * deleted if the verifier throws.
     */
    public Path resolve(Asset asset, Consumer<Path> verifier) {
        Optional<Path> local = findLocal(asset);
        if (local.isPresent()) {
            LOG.debug("Using {} at {}", asset.description(), local.get());
            return local.get();
        }
        Path target = cacheDir.resolve(asset.folder()).resolve(asset.fileName());
        LOG.info("{} not found locally; downloading it once from {} to {}", asset.description(), asset.upstream(), target);
        try {
            downloader.download(asset.upstream(), target, progress);
        } catch (IOException e) {
            throw new AssetNotFoundException(notFoundMessage(asset, e), e);
        }
        try {
            verifier.accept(target);
        } catch (RuntimeException e) {
            deleteQuietly(target);
            throw new AssetNotFoundException("Downloaded " + asset.description() + " from " + asset.upstream()
                    + " but it does not load: " + e.getMessage(), e);
        }
        return target;
    }

    /** The first existing copy among explicit dirs, shared/ folders up the tree and the cache. */
    public Optional<Path> findLocal(Asset asset) {
        return candidates(asset).stream().filter(Files::isRegularFile).findFirst();
    }

    List<Path> candidates(Asset asset) {
        List<Path> out = new ArrayList<>();
        for (Path dir : explicitDirs) {
            out.add(dir.resolve(asset.fileName()));
            out.add(dir.resolve(asset.folder()).resolve(asset.fileName()));
        }
        for (Path shared : SharedFolder.candidates(workingDir)) {
            out.add(shared.resolve(asset.folder()).resolve(asset.fileName()));
        }
        out.add(cacheDir.resolve(asset.folder()).resolve(asset.fileName()));
        return out;
    }

    private String notFoundMessage(Asset asset, IOException cause) {
        return asset.description() + " (" + asset.fileName() + ") was not found and could not be downloaded from "
                + asset.upstream() + " (" + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()) + "). Put it in one of: --models DIR, $" + HOME_ENV
                + "/" + asset.folder() + "/, ../" + SharedFolder.NAME + "/" + asset.folder() + "/ or "
                + cacheDir.resolve(asset.folder()) + "/";
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", path, e);
        }
    }
}
