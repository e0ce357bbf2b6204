package io.edgescope.registry;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Who may use the embedded registry and how it is served: basic-auth users (name to password) and an
 * optional key store that turns on https. A registry bound beyond loopback must have users.
 */
public record RegistryServerSecurity(Map<String, String> users, Optional<Path> keyStore, String keyStorePassword, String keyStoreType) {

    public static final RegistryServerSecurity NONE = new RegistryServerSecurity(Map.of(), Optional.empty(), "",
            RegistryClientSettings.DEFAULT_TRUST_STORE_TYPE);

    public RegistryServerSecurity {
        users = Map.copyOf(users);
        keyStorePassword = keyStorePassword == null ? "" : keyStorePassword;
    }

    /** Parses {@code user:password,user2:password2} (blank: no users). */
    public static Map<String, String> parseUsers(String spec) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int colon = e.indexOf(':');
            if (colon <= 0 || colon == e.length() - 1) {
                throw new IllegalArgumentException("registry users must be user:password[,user:password...]");
            }
            out.put(e.substring(0, colon), e.substring(colon + 1));
        }
        return out;
    }

    /** Refuses to serve {@code host} beyond loopback without credentials. */
    void checkExposure(String host) {
        if (users.isEmpty() && !isLoopback(host)) {
            throw new IllegalArgumentException("The embedded schema registry would listen on " + host
                    + " without credentials: set registry.users (basic auth) or bind it to 127.0.0.1");
        }
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "RegistryServerSecurity[users=" + users.keySet() + ", https=" + keyStore.isPresent() + "]";
    }
}
