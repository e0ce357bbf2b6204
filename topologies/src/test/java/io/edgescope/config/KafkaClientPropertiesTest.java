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
}
