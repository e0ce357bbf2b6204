package io.edgescope.deploy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code BuildImage --app edgescope.jar [--base scratch|IMAGE] [--arch amd64|arm64] [--out FILE] [--tag NAME]}:
 * the OCI image as a tar, no daemon. Prints its size and layers.
 */
public final class BuildImage {

    private static final double MIB = 1024.0 * 1024.0;

    private BuildImage() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> classpath = new ArrayList<>();
        String base = ImageBuilder.SCRATCH;
        String arch = "amd64";
        Path out = Path.of("target", "edgescope-image.tar");
        String tag = "edgescope:latest";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--app" -> classpath.add(Path.of(require(value, "--app")));
                case "--classpath" -> {
                    for (String e : require(value, "--classpath").split(File.pathSeparator)) {
                        classpath.add(Path.of(e));
                    }
                }
                case "--base" -> base = require(value, "--base");
                case "--arch" -> arch = require(value, "--arch");
                case "--out" -> out = Path.of(require(value, "--out"));
                case "--tag" -> tag = require(value, "--tag");
                default -> usage("unknown option " + args[i]);
            }
            i++;
        }
        if (classpath.isEmpty()) {
            usage("give --app topologies/target/edgescope.jar (or --classpath)");
        }
        if (!arch.equals("amd64") && !arch.equals("arm64")) {
            usage("--arch must be amd64 or arm64");
        }
        if (ImageBuilder.SCRATCH.equals(base) && !arch.equals("amd64")) {
            usage("a scratch image carries this host's runtime and libraries (amd64); for arm64 give --base with an arm64 JRE image");
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path work = Files.createTempDirectory("edgescope-image");
        ImageBuilder.Built built = ImageBuilder.build(new ImageBuilder.Spec(classpath, base, arch, out, tag), work);
        System.out.printf(Locale.ROOT, "%s: %s, %.0f MiB (%s, linux/%s)%n", tag, built.tar(), built.bytes() / MIB, base, arch);
        built.layers().forEach(l -> System.out.println("  layer " + l));
    }

    private static String require(String value, String option) {
        if (value == null) {
            usage(option + " needs a value");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println("BuildImage: " + problem);
        System.err.println("usage: BuildImage --app JAR [--base scratch|IMAGE] [--arch amd64|arm64] [--out FILE] [--tag NAME]");
        System.exit(2);
    }
}
