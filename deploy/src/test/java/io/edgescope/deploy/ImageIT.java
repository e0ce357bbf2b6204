package io.edgescope.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the default image (scratch + jlink'ed runtime + host libraries) without a daemon, unpacks its
 * layers into a root file system and runs EdgeScope inside it with chroot as the image's non-root user,
 * the model and clip mounted at /models: the runtime, ONNX Runtime, OpenCV and FFmpeg all load from the
 * image alone.
 */
@Tag("integration")
class ImageIT {

    private static final Path TOPOLOGIES = Path.of("..", "topologies", "target");
    private static final Path SHARED = Path.of("..", "..", "shared");
    private static final int FRAMES = 2;

    private static List<Path> applicationClasspath() throws Exception {
        List<Path> cp = new ArrayList<>();
        cp.add(TOPOLOGIES.resolve("classes").toAbsolutePath());
        for (String entry : Files.readString(TOPOLOGIES.resolve("runtime-classpath.txt")).strip().split(File.pathSeparator)) {
            cp.add(Path.of(entry));
        }
        return cp;
    }

    private static Path blob(Path layout, String digest) {
        return layout.resolve("blobs").resolve(digest.replace(':', '/'));
    }

    @Test
    void shouldBuildAnImageWithoutADaemonThatDetectsWithOnlyItsOwnFilesAndTheMountedModel(@TempDir Path work) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/chroot")) && Files.isExecutable(Path.of("/usr/bin/unshare"))
                && "root".equals(System.getProperty("user.name")), "needs root, chroot and unshare to start the image without a container runtime");
        Path tar = work.resolve("edgescope-image.tar");
        ImageBuilder.Built built = ImageBuilder.build(new ImageBuilder.Spec(applicationClasspath(), ImageBuilder.SCRATCH, "amd64", tar,
                "edgescope:test"), work.resolve("build"));
        assertThat(built.bytes()).isPositive();
        System.out.printf("image: %.0f MiB, layers %s%n", built.bytes() / 1048576.0, built.layers());

        Path rootfs = Files.createDirectories(work.resolve("rootfs"));
        Path unpacked = Files.createDirectories(work.resolve("oci"));
        Processes.run(List.of("tar", "-xf", tar.toString(), "-C", unpacked.toString()));
        ObjectMapper json = new ObjectMapper();
        // an OCI image layout: index.json -> manifest -> config and layers, all in blobs/sha256
        assertThat(unpacked.resolve("oci-layout")).exists();
        JsonNode index = json.readTree(unpacked.resolve("index.json").toFile());
        JsonNode manifest = json.readTree(blob(unpacked, index.get("manifests").get(0).get("digest").asText()).toFile());
        for (JsonNode layer : manifest.get("layers")) {
            Processes.run(List.of("tar", "-xzf", blob(unpacked, layer.get("digest").asText()).toString(), "-C", rootfs.toString()));
        }
        JsonNode config = json.readTree(blob(unpacked, manifest.get("config").get("digest").asText()).toFile()).get("config");
        assertThat(config.get("User").asText()).isEqualTo(ImageBuilder.USER);
        assertThat(config.get("Volumes").has(ImageBuilder.MODELS)).isTrue();
        try (Stream<Path> files = Files.walk(rootfs.resolve("opt/edgescope/lib"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".onnx"));
        }

        // "mount" the models: copied into the unpacked root, as a volume would appear
        Path models = rootfs.resolve(ImageBuilder.MODELS.substring(1));
        Files.copy(SHARED.resolve("models/yolox_nano.onnx"), models.resolve("yolox_nano.onnx"));
        Files.copy(SHARED.resolve("samples/vtest.avi"), models.resolve("vtest.avi"));
        // as a container runtime would: its own pid and mount namespaces with /proc mounted (the JVM finds its libraries through it)
        Files.createDirectories(rootfs.resolve("proc"));
        List<String> command = new ArrayList<>(List.of("unshare", "--fork", "--pid", "--mount-proc=" + rootfs.resolve("proc"),
                "/usr/sbin/chroot", "--userspec=" + ImageBuilder.USER + ":" + ImageBuilder.USER, rootfs.toString()));
        config.get("Entrypoint").forEach(a -> command.add(a.asText()));
        command.addAll(List.of("detect", "--input", ImageBuilder.MODELS + "/vtest.avi", "--frames", Integer.toString(FRAMES),
                "--out", ImageBuilder.HOME + "/detections.jsonl", "--models", ImageBuilder.MODELS));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().clear();
        config.get("Env").forEach(e -> {
            String[] kv = e.asText().split("=", 2);
            pb.environment().put(kv[0], kv[1]);
        });
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(Files.readAllLines(rootfs.resolve(ImageBuilder.HOME.substring(1)).resolve("detections.jsonl"))).hasSize(FRAMES);
    }
}
