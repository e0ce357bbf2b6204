package io.edgescope.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A trimmed Java runtime made with this JDK's {@code jlink}: only the modules EdgeScope uses. */
final class JlinkRuntime {

    /**
     * What EdgeScope and its libraries load: HTTP servers and clients, JMX metrics, charts (AWT headless,
     * ImageIO), SASL/GSSAPI and TLS for Kafka, JNI natives via Unsafe, XML for config parsers.
     */
    static final List<String> MODULES = List.of("java.base", "java.compiler", "java.datatransfer", "java.desktop", "java.instrument",
            "java.logging", "java.management", "java.naming", "java.net.http", "java.scripting", "java.security.jgss", "java.security.sasl",
            "java.sql", "java.xml", "jdk.crypto.ec", "jdk.httpserver", "jdk.management", "jdk.naming.dns", "jdk.net", "jdk.security.auth",
            "jdk.unsupported", "jdk.zipfs");

    private JlinkRuntime() {
    }

    /** Links the runtime into {@code out} (which must not exist). */
    static Path link(Path out) throws IOException, InterruptedException {
        Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
        if (!Files.isExecutable(jlink)) {
            throw new IllegalStateException("No jlink in " + System.getProperty("java.home") + ": build the image with a JDK, not a JRE");
        }
        Processes.run(List.of(jlink.toString(), "--add-modules", String.join(",", MODULES), "--strip-debug", "--no-header-files",
                "--no-man-pages", "--output", out.toString()));
        return out;
    }
}
