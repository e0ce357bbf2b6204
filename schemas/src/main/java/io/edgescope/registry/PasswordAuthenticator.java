package io.edgescope.registry;

import com.sun.net.httpserver.BasicAuthenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/** HTTP basic auth against a fixed set of users, comparing passwords in constant time. */
final class PasswordAuthenticator extends BasicAuthenticator {

    static final String REALM = "edgescope-registry";

    private final Map<String, String> users;

    PasswordAuthenticator(Map<String, String> users) {
        super(REALM, StandardCharsets.UTF_8);
        this.users = Map.copyOf(users);
    }

    @Override
    public boolean checkCredentials(String user, String password) {
        String expected = users.get(user);
        return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
    }
}
