package io.edgescope.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves secret references in setting values, so passwords live in files (Kubernetes secrets,
 * Docker secrets) or the environment instead of the config file: {@code ${file:/run/secrets/kafka-pw}}
 * is the file's content (trailing newline dropped), {@code ${env:KAFKA_PASSWORD}} an environment
 * variable. A reference may sit inside a longer value (a JAAS line).
 */
public final class SecretReferences {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(file|env):([^}]+)}");

    private final UnaryOperator<String> environment;

    public SecretReferences(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** References resolved against the process environment and file system. */
    public static SecretReferences system() {
        return new SecretReferences(System::getenv);
    }

    public Map<String, String> resolve(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v == null ? null : resolve(k, v)));
        return out;
    }

    private String resolve(String key, String value) {
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(lookup(key, m.group(1), m.group(2))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String lookup(String key, String kind, String name) {
        if (kind.equals("env")) {
            String v = environment.apply(name);
            if (v == null) {
                throw new ConfigException(java.util.List.of(key + ": environment variable " + name + " is not set"));
            }
            return v;
        }
        try {
            return Files.readString(Path.of(name)).stripTrailing();
        } catch (IOException e) {
            throw new ConfigException(java.util.List.of(key + ": cannot read secret file " + name + " (" + e.getClass().getSimpleName() + ")"));
        }
    }

    /** Whether {@code key} holds a secret, whose value must never be shown. */
    public static boolean isSecret(String key) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        return k.contains("password") || k.contains("jaas.config") || k.endsWith("user.info") || k.endsWith("registry.users")
                || k.contains("secret") || k.contains("token") || k.endsWith(".key") || k.contains("keystore.key");
    }

    /** {@code values} with every secret replaced by a mask. */
    public static Map<String, String> redact(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, isSecret(k) && v != null && !v.isEmpty() ? "[hidden]" : v));
        return out;
    }
}
