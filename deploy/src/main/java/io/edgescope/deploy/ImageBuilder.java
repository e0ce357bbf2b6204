package io.edgescope.deploy;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds EdgeScope's one OCI image (every role: {@code run edge|device|ingest|all}, the CLI) as a tar,
 * with Jib and no Docker daemon. The default base is {@code scratch}: a jlink'ed runtime and the host's
 * glibc and C++ runtime as layers, so it builds offline; any JRE image from a registry can be the base
 * instead (for arm64 too, with the arm64 natives on the class path). Models are not in the image:
 * mount them at {@value #MODELS}.
 */
public final class ImageBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(ImageBuilder.class);
    public static final String SCRATCH = "scratch";
    public static final String APP = "/opt/edgescope";
    public static final String MODELS = "/models";
    public static final String HOME = "/var/lib/edgescope";
    public static final String JAVA = APP + "/jre/bin/java";
    public static final String MAIN_CLASS = "io.edgescope.cli.EdgeScopeCli";
    /** Non-root user the processes run as. */
    public static final String USER = "65532";
    private static final FilePermissions WRITABLE_DIR = FilePermissions.fromOctalString("777");
    private static final FilePermissions EXECUTABLE = FilePermissions.fromOctalString("755");
    private static final Instant EPOCH_PLUS_ONE = Instant.ofEpochSecond(1);

    /**
     * @param classpath the application's runtime class path (jars and class folders), as the fat jar or a build lists it
     * @param base {@link #SCRATCH} or an image reference with a Java runtime on its PATH
     * @param architecture amd64 or arm64
     * @param reference the image's name in the tar, e.g. edgescope:0.1.0
     */
    public record Spec(List<Path> classpath, String base, String architecture, Path output, String reference) {
    }

    /** Layer name and size, for the report. */
    public record Built(Path tar, long bytes, List<String> layers) {
    }

    private ImageBuilder() {
    }

    public static Built build(Spec spec, Path work) throws Exception {
        boolean scratch = SCRATCH.equals(spec.base());
        JibContainerBuilder image = scratch ? Jib.fromScratch() : Jib.from(RegistryImage.named(spec.base()));
        List<String> layers = new ArrayList<>();
        String java = scratch ? JAVA : "java";
        if (scratch) {
            Path runtime = JlinkRuntime.link(work.resolve("jre"));
            List<Path> libraries = HostLibraries.neededBy(runtime, spec.classpath(), work.resolve("natives"));
            FileEntriesLayer.Builder system = FileEntriesLayer.builder().setName("system-libraries");
            for (Path lib : libraries) {
                system.addEntry(lib.toRealPath(), AbsoluteUnixPath.get(lib.toString()), EXECUTABLE, EPOCH_PLUS_ONE);
            }
            image.addFileEntriesLayer(system.build());
            layers.add("system-libraries (" + libraries.size() + " host libraries: " + libraries.stream().map(p -> p.getFileName().toString())
                    .toList() + ")");
            image.addFileEntriesLayer(FileEntriesLayer.builder().setName("jre").addEntryRecursive(runtime, AbsoluteUnixPath.get(APP + "/jre"),
                    (source, target) -> Files.isExecutable(source) ? EXECUTABLE : FilePermissions.DEFAULT_FILE_PERMISSIONS,
                    (source, target) -> EPOCH_PLUS_ONE).build());
            layers.add("jre (jlink: " + String.join(",", JlinkRuntime.MODULES) + ")");
        }
        List<String> cp = new ArrayList<>();
        FileEntriesLayer.Builder dependencies = FileEntriesLayer.builder().setName("dependencies");
        FileEntriesLayer.Builder application = FileEntriesLayer.builder().setName("application");
        int folders = 0;
        for (Path entry : spec.classpath()) {
            if (Files.isDirectory(entry)) {
                String target = APP + "/classes/" + folders++;
                application.addEntryRecursive(entry, AbsoluteUnixPath.get(target));
                cp.add(target);
            } else if (entry.getFileName().toString().startsWith("edgescope")) {
                application.addEntry(entry, AbsoluteUnixPath.get(APP + "/lib/" + entry.getFileName()));
            } else {
                dependencies.addEntry(entry, AbsoluteUnixPath.get(APP + "/lib/" + entry.getFileName()));
            }
        }
        cp.add(0, APP + "/lib/*");
        image.addFileEntriesLayer(dependencies.build());
        image.addFileEntriesLayer(application.build());
        layers.add("dependencies");
        layers.add("application");
        Path empty = Files.createDirectories(work.resolve("empty"));
        image.addFileEntriesLayer(FileEntriesLayer.builder().setName("writable")
                .addEntry(empty, AbsoluteUnixPath.get("/tmp"), WRITABLE_DIR, EPOCH_PLUS_ONE)
                .addEntry(empty, AbsoluteUnixPath.get(HOME), WRITABLE_DIR, EPOCH_PLUS_ONE)
                .addEntry(empty, AbsoluteUnixPath.get(MODELS), FilePermissions.DEFAULT_FOLDER_PERMISSIONS, EPOCH_PLUS_ONE).build());
        layers.add("writable (/tmp, " + HOME + ", " + MODELS + ")");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", HOME);
        env.put("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75 -Djava.io.tmpdir=/tmp -Djava.awt.headless=true");
        image.setEntrypoint(java, "-cp", String.join(":", cp), MAIN_CLASS)
                .setProgramArguments("run", "all", "--models", MODELS)
                .setEnvironment(env)
                .setWorkingDirectory(AbsoluteUnixPath.get(HOME))
                .setUser(USER)
                .addVolume(AbsoluteUnixPath.get(MODELS))
                .setFormat(ImageFormat.OCI)
                .setCreationTime(EPOCH_PLUS_ONE)
                .setPlatforms(Set.of(new Platform(spec.architecture(), "linux")));
        image.containerize(Containerizer.to(TarImage.at(spec.output()).named(spec.reference()))
                .setOfflineMode(scratch)
                .setApplicationLayersCache(work.resolve("jib-cache"))
                .setBaseImageLayersCache(work.resolve("jib-base-cache")));
        long bytes = Files.size(spec.output());
        LOG.info("Image {} written to {} ({} MiB)", spec.reference(), spec.output(), bytes / (1024 * 1024));
        return new Built(spec.output(), bytes, layers);
    }
}
