package io.edgescope.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The embedded registry over HTTP, with schemas kept in a compacted topic on a real broker. */
@Tag("integration")
class EmbeddedSchemaRegistryIT {

    private static KafkaClusterTestKit cluster;

    @BeforeAll
    static void startKafka() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build()).build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        cluster.close();
    }

    private static EmbeddedSchemaRegistry startRegistry(String topic) {
        Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        return EmbeddedSchemaRegistry.start(new SchemaStore(new KafkaSchemaLog(client, topic, (short) 1),
                CompatibilityLevel.BACKWARD), "127.0.0.1", 0);
    }

    @Test
    void shouldEnforceBackwardCompatibilityOverHttp() {
        try (EmbeddedSchemaRegistry registry = startRegistry("schemas-compat")) {
            SchemaRegistryClient client = new HttpSchemaRegistryClient(registry.url());
            int v1 = client.register("readings-value", SchemaStoreTest.V1);
            assertThat(client.isCompatible("readings-value", SchemaStoreTest.V2_REQUIRED)).isFalse();
            assertThatThrownBy(() -> client.register("readings-value", SchemaStoreTest.V2_REQUIRED))
                    .isInstanceOf(SchemaRegistryException.class)
                    .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(409));
            int v2 = client.register("readings-value", SchemaStoreTest.V2_WITH_DEFAULT);
            assertThat(v2).isNotEqualTo(v1);
            SubjectSchema latest = client.latest("readings-value");
            assertThat(latest.version()).isEqualTo(2);
            assertThat(latest.schema()).isEqualTo(SchemaStoreTest.V2_WITH_DEFAULT);
            assertThat(client.subjects()).containsExactly("readings-value");
            assertThatThrownBy(() -> client.schemaById(999))
                    .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));
        }
    }

    @Test
    void shouldKeepIdsAndVersionsAcrossRestart() {
        int id;
        try (EmbeddedSchemaRegistry registry = startRegistry("schemas-restart")) {
            id = new HttpSchemaRegistryClient(registry.url()).register("r-value", SchemaStoreTest.V1);
        }
        try (EmbeddedSchemaRegistry restarted = startRegistry("schemas-restart")) {
            HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(restarted.url());
            assertThat(client.schemaById(id)).isEqualTo(SchemaStoreTest.V1);
            assertThat(client.latest("r-value").id()).isEqualTo(id);
            assertThat(client.register("r-value", SchemaStoreTest.V1)).isEqualTo(id);
            assertThat(client.register("r-value", SchemaStoreTest.V2_WITH_DEFAULT)).isEqualTo(id + 1);
        }
    }

    @Test
    void shouldSayClearlyWhenRegistryIsUnreachable() {
        assertThatThrownBy(() -> new HttpSchemaRegistryClient("http://127.0.0.1:1").subjects())
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("unreachable")
                .hasMessageContaining("schema.registry.url");
    }
}
