package io.edgescope.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgescope.testing.TestCertificates;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded registry over https with basic auth, and our client speaking to it. */
class RegistrySecurityTest {

    private static final String PASSWORD = "s3cret-registry-pw";
    private static final String STORE_PASSWORD = "changeit-test";
    private static TestCertificates certs;

    @BeforeAll
    static void generateCertificates(@TempDir Path dir) throws Exception {
        certs = TestCertificates.generate(dir, STORE_PASSWORD);
    }

    private static EmbeddedSchemaRegistry secured() {
        return EmbeddedSchemaRegistry.start(SchemaStore.inMemory(), "127.0.0.1", 0,
                new RegistryServerSecurity(Map.of("edge", PASSWORD), Optional.of(certs.keyStore()), STORE_PASSWORD, "PKCS12"));
    }

    private static RegistryClientSettings client(String url, String userInfo) {
        return new RegistryClientSettings(url, Optional.ofNullable(userInfo), Optional.of(certs.trustStore()), STORE_PASSWORD, "PKCS12");
    }

    @Test
    void shouldServeHttpsWithBasicAuthToAClientWithTheRightCredentials() {
        try (EmbeddedSchemaRegistry registry = secured()) {
            assertThat(registry.url()).startsWith("https://");
            SchemaRegistryClient client = SchemaRegistryClients.create(client(registry.url(), "edge:" + PASSWORD));
            int id = client.register("readings-value", SchemaStoreTest.V1);
            assertThat(client.schemaById(id)).isEqualTo(SchemaStoreTest.V1);
        }
    }

    @Test
    void shouldRefuseWrongOrMissingCredentialsWithAClearError() {
        try (EmbeddedSchemaRegistry registry = secured()) {
            assertThatThrownBy(() -> SchemaRegistryClients.create(client(registry.url(), "edge:wrong")).subjects())
                    .isInstanceOf(SchemaRegistryException.class).hasMessageContaining("refused the credentials")
                    .hasMessageNotContaining("wrong");
            assertThatThrownBy(() -> SchemaRegistryClients.create(client(registry.url(), null)).subjects())
                    .isInstanceOf(SchemaRegistryException.class).hasMessageContaining("without credentials");
        }
    }

    @Test
    void shouldRefuseAServerItDoesNotTrust() {
        try (EmbeddedSchemaRegistry registry = secured()) {
            assertThatThrownBy(() -> SchemaRegistryClients.create(new RegistryClientSettings(registry.url(), Optional.of("edge:" + PASSWORD),
                    Optional.empty(), "", "PKCS12")).subjects())
                    .isInstanceOf(SchemaRegistryException.class).hasMessageContaining("TLS").hasMessageContaining("truststore");
        }
    }

    @Test
    void shouldRefuseToExposeTheRegistryBeyondLoopbackWithoutUsers() {
        assertThatThrownBy(() -> EmbeddedSchemaRegistry.start(SchemaStore.inMemory(), "0.0.0.0", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("registry.users");
        try (EmbeddedSchemaRegistry open = EmbeddedSchemaRegistry.start(SchemaStore.inMemory(), "0.0.0.0", 0,
                new RegistryServerSecurity(Map.of("edge", PASSWORD), Optional.empty(), "", "PKCS12"))) {
            assertThat(open.url()).startsWith("http://");
        }
    }

    @Test
    void shouldNeverShowSecretsInSettings() {
        RegistryClientSettings settings = client("https://r:8081", "edge:" + PASSWORD);
        assertThat(settings.toString()).contains("edge").doesNotContain(PASSWORD).doesNotContain(STORE_PASSWORD);
        RegistryServerSecurity server = new RegistryServerSecurity(Map.of("edge", PASSWORD), Optional.of(certs.keyStore()), STORE_PASSWORD, "PKCS12");
        assertThat(server.toString()).contains("edge").doesNotContain(PASSWORD).doesNotContain(STORE_PASSWORD);
    }

    @Test
    void shouldParseRegistryUsers() {
        assertThat(RegistryServerSecurity.parseUsers(" a:x , b:y:z ,")).containsExactly(Map.entry("a", "x"), Map.entry("b", "y:z"));
        assertThatThrownBy(() -> RegistryServerSecurity.parseUsers("nopassword")).isInstanceOf(IllegalArgumentException.class);
    }
}
