package io.edgescope.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgescope.app.KafkaClientSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientPropertiesTest {

    @Test
    void shouldPassKafkaPrefixedKeysToEveryClient() {
        EdgeScopeConfig config = EdgeScopeConfig.fromMap(Map.of("kafka.security.protocol", "SASL_SSL", "kafka.session.timeout.ms", "10000"));
        assertThat(config.kafkaClientProperties()).containsEntry("security.protocol", "SASL_SSL").containsEntry("session.timeout.ms", "10000");
        assertThat(KafkaClientSettings.producer("b:9092", config)).containsEntry("security.protocol", "SASL_SSL");
        assertThat(KafkaClientSettings.consumer("b:9092", config)).containsEntry("session.timeout.ms", "10000");
        assertThat(config.with(Map.of()).kafkaClientProperties()).isEqualTo(config.kafkaClientProperties());
    }

    @Test
    void shouldStillRefuseOtherUnknownKeys() {
        assertThatThrownBy(() -> EdgeScopeConfig.fromMap(Map.of("kafak.typo", "1"))).hasMessageContaining("unknown key kafak.typo");
    }

    @Test
    void shouldAcceptAPlainKafkaClientPropertiesFile() {
        EdgeScopeConfig config = EdgeScopeConfig.fromMap(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
                "ssl.truststore.location", "/t.p12"));
        assertThat(config.kafkaClientProperties()).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/t.p12");
        assertThat(config.with(Map.of()).kafkaClientProperties()).isEqualTo(config.kafkaClientProperties());
    }

    @Test
    void shouldPassBrokerPrefixedKeysToTheEmbeddedBrokerButNotItsOwnPortKey() {
        EdgeScopeConfig config = EdgeScopeConfig.fromMap(Map.of("broker.port", "9093", "broker.sasl.enabled.mechanisms", "SCRAM-SHA-512"));
        assertThat(config.brokerPort()).isEqualTo(9093);
        assertThat(config.brokerProperties()).containsOnly(Map.entry("sasl.enabled.mechanisms", "SCRAM-SHA-512"));
    }

    @Test
    void shouldResolveSecretsFromFilesAndTheEnvironmentAndNeverShowThem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path secret = dir.resolve("pw");
        java.nio.file.Files.writeString(secret, "file-secret-81\n");
        Map<String, String> resolved = new SecretReferences(name -> name.equals("REG_PW") ? "env-secret-27" : null).resolve(Map.of(
                "sasl.jaas.config", "Scram required username=\"u\" password=\"${file:" + secret + "}\";",
                "schema.registry.basic.auth.user.info", "u:${env:REG_PW}"));
        assertThat(resolved.get("sasl.jaas.config")).isEqualTo("Scram required username=\"u\" password=\"file-secret-81\";");
        assertThat(resolved.get("schema.registry.basic.auth.user.info")).isEqualTo("u:env-secret-27");
        EdgeScopeConfig config = EdgeScopeConfig.fromMap(resolved);
        assertThat(config.toString()).contains("sasl.jaas.config=[hidden]").doesNotContain("file-secret-81").doesNotContain("env-secret-27");
        assertThat(config.registryClient().toString()).doesNotContain("env-secret-27");
    }

    @Test
    void shouldNameAMissingSecretWithoutShowingAnyValue() {
        assertThatThrownBy(() -> new SecretReferences(name -> null).resolve(Map.of("ssl.key.password", "${env:NOPE}")))
                .hasMessageContaining("environment variable NOPE is not set");
        assertThatThrownBy(() -> EdgeScopeConfig.fromMap(Map.of("registry.users", "secret-no-colon")))
                .hasMessageContaining("registry.users=[hidden]").hasMessageNotContaining("secret-no-colon");
    }
}
