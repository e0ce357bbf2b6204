package io.edgescope.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.edgescope.cli.CliRun;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.registry.CompatibilityLevel;
import io.edgescope.registry.EmbeddedSchemaRegistry;
import io.edgescope.registry.KafkaSchemaLog;
import io.edgescope.registry.RegistryServerSecurity;
import io.edgescope.registry.SchemaStore;
import io.edgescope.testing.TestCertificates;
import io.edgescope.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The pipeline on a broker with a SASL_SSL (SCRAM-SHA-512) listener, certificates generated here,
 * and KRaft's StandardAuthorizer with exactly the ACLs of {@link AccessRoles}: each role does its job,
 * a role without rights is refused with a clear error, and no secret appears in any output or log.
 */
@Tag("integration")
class SecurityIT {

    private static final String STORE_PASSWORD = "store-pw-7d1c";
    private static final Map<String, String> PASSWORDS = Map.of("device", "device-pw-91ab", "edge", "edge-pw-55ce",
            "analyst", "analyst-pw-c0de");
    private static final String REGISTRY_PASSWORD = "registry-pw-e4f2";
    private static final String APP_ID = "edgescope-secure-it";
    private static final String STREAM = "secure-cam";
    private static final int FRAMES = 6;

    @TempDir
    static Path work;
    private static TestCertificates certs;
    private static EmbeddedKafkaBroker broker;
    private static EmbeddedSchemaRegistry registry;
    private static String secureBootstrap;
    private static Platform platform;
    private static DetectionService detection;
    private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

    @BeforeAll
    static void startSecuredPipeline() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        LOGS.start();
        root.addAppender(LOGS);
        Logger kafka = (Logger) LoggerFactory.getLogger("org.apache.kafka");
        kafka.setLevel(Level.INFO);
        kafka.setAdditive(false);
        kafka.addAppender(LOGS);

        certs = TestCertificates.generate(work.resolve("certs"), STORE_PASSWORD);
        int securePort = FreePorts.any();
        secureBootstrap = "localhost:" + securePort;
        Map<String, String> server = new LinkedHashMap<>();
        server.put("listeners", "SECURE://localhost:" + securePort);
        server.put("advertised.listeners", "SECURE://localhost:" + securePort);
        server.put("listener.security.protocol.map", "SECURE:SASL_SSL");
        server.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        server.put("listener.name.secure.scram-sha-512.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        server.put("listener.name.secure.ssl.keystore.location", certs.keyStore().toString());
        server.put("listener.name.secure.ssl.keystore.password", STORE_PASSWORD);
        server.put("listener.name.secure.ssl.key.password", STORE_PASSWORD);
        server.put("listener.name.secure.ssl.keystore.type", "PKCS12");
        server.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // the loopback PLAINTEXT listener (and the controller) stay the operator's: its ANONYMOUS principal is the super user
        server.put("super.users", "User:ANONYMOUS");
        server.put("allow.everyone.if.no.acl.found", "false");
        broker = EmbeddedKafkaBroker.start(work.resolve("kafka"), 0, KafkaClientSettings.maxRecordBytes(EdgeScopeConfig.defaults()), server);

        EdgeScopeConfig operator = EdgeScopeConfig.fromMap(Map.of(EdgeScopeConfig.BOOTSTRAP_SERVERS.name(), broker.bootstrapServers()));
        try (Admin admin = Admin.create(KafkaClientSettings.common(broker.bootstrapServers()))) {
            List<UserScramCredentialUpsertion> users = new ArrayList<>();
            PASSWORDS.forEach((user, pw) -> users.add(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), pw)));
            admin.alterUserScramCredentials(new ArrayList<>(users)).all().get();
            TopicProvisioner.ensure(admin, operator);
        }
        for (AccessRoles role : AccessRoles.values()) {
            String name = role.name().toLowerCase(java.util.Locale.ROOT);
            CliRun grant = CliRun.of("acl", "grant", name, "User:" + name, "--app-id", APP_ID, "--bootstrap", broker.bootstrapServers());
            assertThat(grant.exit()).as(grant.err()).isZero();
        }
        registry = EmbeddedSchemaRegistry.start(new SchemaStore(new KafkaSchemaLog(KafkaClientSettings.common(broker.bootstrapServers()),
                        Topics.SCHEMAS, (short) 1), CompatibilityLevel.BACKWARD), "127.0.0.1", 0,
                new RegistryServerSecurity(Map.of("pipeline", REGISTRY_PASSWORD), Optional.of(certs.keyStore()), STORE_PASSWORD, "PKCS12"));

        Map<String, String> edge = new LinkedHashMap<>(settings("edge"));
        edge.put(EdgeScopeConfig.APPLICATION_ID.name(), APP_ID);
        edge.put(EdgeScopeConfig.STATE_DIR.name(), work.resolve("state").toString());
        edge.put(EdgeScopeConfig.TELEMETRY_HTTP_PORT.name(), "0");
        edge.put(EdgeScopeConfig.DETECTOR_THREADS.name(), "2");
        EdgeScopeConfig config = EdgeScopeConfig.fromMap(edge);
        platform = Platform.start(config);
        detection = DetectionService.start(platform, TestDetectors.pool(config, work.resolve("variants"), 1));
    }

    @AfterAll
    static void stop() throws Exception {
        if (detection != null) {
            detection.close();
        }
        if (platform != null) {
            platform.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.close();
        }
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(LOGS);
        Logger kafka = (Logger) LoggerFactory.getLogger("org.apache.kafka");
        kafka.detachAppender(LOGS);
        kafka.setAdditive(true);
        kafka.setLevel(Level.WARN);
    }

    /** What a role's client.properties holds: a standard Kafka client config plus the registry's. */
    private static Map<String, String> settings(String user) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(EdgeScopeConfig.BOOTSTRAP_SERVERS.name(), secureBootstrap);
        m.put(EdgeScopeConfig.SCHEMA_REGISTRY_URL.name(), registry.url());
        m.put("security.protocol", "SASL_SSL");
        m.put("sasl.mechanism", "SCRAM-SHA-512");
        m.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"${file:" + secretFile(user, PASSWORDS.getOrDefault(user, "none")) + "}\";");
        m.put("ssl.truststore.location", certs.trustStore().toString());
        m.put("ssl.truststore.password", STORE_PASSWORD);
        m.put("ssl.truststore.type", "PKCS12");
        m.put(EdgeScopeConfig.REGISTRY_USER_INFO.name(), "pipeline:" + REGISTRY_PASSWORD);
        m.put(EdgeScopeConfig.REGISTRY_TRUSTSTORE.name(), certs.trustStore().toString());
        m.put(EdgeScopeConfig.REGISTRY_TRUSTSTORE_PASSWORD.name(), STORE_PASSWORD);
        return m;
    }

    private static String secretFile(String user, String password) {
        try {
            Path file = work.resolve("secrets").resolve(user + ".pw");
            Files.createDirectories(file.getParent());
            Files.writeString(file, password + "\n");
            return file.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path clientProperties(String user, Map<String, String> overrides) throws IOException {
        Map<String, String> m = new LinkedHashMap<>(settings(user));
        m.putAll(overrides);
        Path file = work.resolve(user + "-" + Integer.toHexString(overrides.hashCode()) + ".properties");
        StringBuilder text = new StringBuilder();
        m.forEach((k, v) -> text.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        Files.writeString(file, text);
        return file;
    }

    private static CliRun cli(String user, Map<String, String> overrides, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", clientProperties(user, overrides).toString()));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertNoSecretIn(run.out() + run.err());
        return run;
    }

    private static void assertNoSecretIn(String text) {
        for (String secret : List.of(STORE_PASSWORD, REGISTRY_PASSWORD, PASSWORDS.get("device"), PASSWORDS.get("edge"),
                PASSWORDS.get("analyst"))) {
            assertThat(text).doesNotContain(secret);
        }
    }

    private static String tudCampus() {
        return TestDetectors.SHARED.resolve("datasets/TUD-Campus").toString();
    }

    @Test
    void shouldLetEachRoleDoItsJobAndRefuseWhatItHasNoRightsTo() throws Exception {
        CliRun ingest = cli("device", Map.of(), "ingest", "--stream", STREAM, "--input", tudCampus(), "--frames", Integer.toString(FRAMES),
                "--fps", "0");
        assertThat(ingest.exit()).as(ingest.err()).isZero();
        assertThat(ingest.out()).contains(FRAMES + " frames sent");

        CliRun tail = cli("analyst", Map.of(), "tail", "detections", "--stream", STREAM, "--from-beginning", "--max", Integer.toString(FRAMES));
        assertThat(tail.exit()).as(tail.err()).isZero();
        assertThat(tail.out().lines().filter(l -> l.contains("\"" + STREAM + "\""))).hasSize(FRAMES);

        CliRun analystIngests = cli("analyst", Map.of(), "ingest", "--stream", STREAM, "--input", tudCampus(), "--frames", "1");
        assertThat(analystIngests.exit()).isNotZero();
        assertThat(analystIngests.err()).contains("denied access").contains(Topics.FRAMES.name()).contains("edgescope acl grant")
                .doesNotContain("\tat ");

        CliRun deviceReads = cli("device", Map.of(), "tail", "detections", "--from-beginning", "--max", "1");
        assertThat(deviceReads.exit()).isNotZero();
        assertThat(deviceReads.err()).contains("denied access").doesNotContain("\tat ");
    }

    @Test
    void shouldRefuseWrongCredentialsWithAClearErrorAndNeverShowThem() throws Exception {
        String wrong = "not-the-password-3a9f";
        CliRun run = cli("device", Map.of("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"device\" password=\""
                + wrong + "\";"), "ingest", "--stream", STREAM, "--input", tudCampus(), "--frames", "1", "--verbose");
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("refused the credentials");
        assertThat(run.out() + run.err()).doesNotContain(wrong);
        assertNoSecretIn(logText());
        assertThat(logText()).doesNotContain(wrong);
    }

    @Test
    void shouldKeepSecretsOutOfTheLogsAndTheConfigsText() {
        EdgeScopeConfig config = platform.config();
        assertThat(config.kafkaClientProperties().get("sasl.jaas.config")).contains(PASSWORDS.get("edge"));
        assertNoSecretIn(config.toString());
        assertThat(logText()).contains("sasl.jaas.config = [hidden]");
        assertNoSecretIn(logText());
    }

    private static String logText() {
        StringBuilder out = new StringBuilder();
        List<ILoggingEvent> events;
        synchronized (LOGS) {
            events = List.copyOf(LOGS.list);
        }
        for (ILoggingEvent e : events) {
            out.append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                out.append(e.getThrowableProxy().getMessage()).append('\n');
            }
        }
        return out.toString();
    }
}
