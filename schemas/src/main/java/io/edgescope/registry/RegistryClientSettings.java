package io.edgescope.registry;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to reach a schema registry: its URL, and optionally basic-auth credentials ({@code user:password},
 * as Confluent's {@code basic.auth.user.info}) and a trust store for an https URL signed by a private CA.
 * {@link #toString()} never shows the secrets.
 */
public record RegistryClientSettings(String url, Optional<String> userInfo, Optional<Path> trustStore, String trustStorePassword,
                                     String trustStoreType) {

    public static final String DEFAULT_TRUST_STORE_TYPE = "PKCS12";

    public RegistryClientSettings {
        if (userInfo.isPresent() && !userInfo.get().contains(":")) {
            throw new IllegalArgumentException("registry basic-auth user info must be user:password");
        }
        trustStorePassword = trustStorePassword == null ? "" : trustStorePassword;
    }

    /** Plain access to {@code url}: no credentials, the JVM's default trust. */
    public static RegistryClientSettings of(String url) {
        return new RegistryClientSettings(url, Optional.empty(), Optional.empty(), "", DEFAULT_TRUST_STORE_TYPE);
    }

    @Override
    public String toString() {
        return "RegistryClientSettings[url=" + url + ", user=" + userInfo.map(u -> u.substring(0, u.indexOf(':'))).orElse("none")
                + ", trustStore=" + trustStore.map(Path::toString).orElse("default") + "]";
    }
}
