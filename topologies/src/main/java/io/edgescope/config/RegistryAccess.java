package io.edgescope.config;

import io.edgescope.registry.RegistryClientSettings;
import io.edgescope.registry.RegistryServerSecurity;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Registry security settings: how clients authenticate and whom they trust (the
 * {@code schema.registry.*} keys, named as Confluent's clients name them), and how the embedded
 * registry is bound and protected (the {@code registry.*} keys). {@link #toString()} hides secrets.
 */
public record RegistryAccess(String userInfo, String trustStore, String trustStorePassword, String trustStoreType,
                             String host, String users, String keyStore, String keyStorePassword, String keyStoreType) {

    /** How a client reaches the registry at {@code url}. */
    public RegistryClientSettings client(String url) {
        return new RegistryClientSettings(url, nonBlank(userInfo), nonBlank(trustStore).map(Path::of), trustStorePassword, trustStoreType);
    }

    /** How the embedded registry serves. */
    public RegistryServerSecurity server() {
        return new RegistryServerSecurity(RegistryServerSecurity.parseUsers(users), nonBlank(keyStore).map(Path::of), keyStorePassword,
                keyStoreType);
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    @Override
    public String toString() {
        return "RegistryAccess[client=" + client("") + ", host=" + host + ", server=" + server() + "]";
    }
}
