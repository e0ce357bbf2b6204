package io.edgescope.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The host's shared libraries (glibc, libstdc++, zlib, ...) that a runtime and the native libraries in
 * the application's jars link against, found with {@code ldd}: what an image built {@code FROM scratch}
 * must carry for the JVM, ONNX Runtime, OpenCV and FFmpeg to load.
 */
final class HostLibraries {

    /** {@code libfoo.so.1 => /lib/x86_64-linux-gnu/libfoo.so.1 (0x...)} or {@code /lib64/ld-linux-x86-64.so.2 (0x...)}. */
    private static final Pattern RESOLVED = Pattern.compile("(?:=>\\s*)?(/\\S+)\\s+\\(0x[0-9a-f]+\\)");
    private static final Pattern SHARED_OBJECT = Pattern.compile(".*\\.so(\\.\\d+)*$");

    private HostLibraries() {
    }

    /** Absolute host paths of the libraries {@code runtime} and the jars' natives need (the loader included). */
    static List<Path> neededBy(Path runtime, List<Path> classpath, Path scratch) throws IOException, InterruptedException {
        List<Path> objects = new ArrayList<>();
        try (Stream<Path> files = Files.walk(runtime)) {
            files.filter(Files::isRegularFile).filter(p -> SHARED_OBJECT.matcher(p.getFileName().toString()).matches()
                    || p.getParent().getFileName().toString().equals("bin")).forEach(objects::add);
        }
        for (Path entry : classpath) {
            if (entry.toString().endsWith(".jar")) {
                objects.addAll(extractNatives(entry, scratch));
            }
        }
        TreeSet<String> needed = new TreeSet<>();
        for (Path object : objects) {
            String out;
            try {
                out = Processes.run(List.of("ldd", object.toString()));
            } catch (IOException e) {
                continue; // not a dynamic executable (scripts, static files)
            }
            Matcher m = RESOLVED.matcher(out);
            while (m.find()) {
                Path lib = Path.of(m.group(1));
                if (!lib.startsWith(runtime) && !lib.startsWith(scratch)) {
                    needed.add(lib.toString());
                }
            }
        }
        return needed.stream().map(Path::of).toList();
    }

    private static List<Path> extractNatives(Path jar, Path scratch) throws IOException {
        List<Path> out = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory() || !SHARED_OBJECT.matcher(e.getName()).matches() || !e.getName().contains("linux")) {
                    continue;
                }
                Path target = scratch.resolve(Integer.toHexString(jar.hashCode())).resolve(e.getName());
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                out.add(target);
            }
        }
        return out;
    }
}
