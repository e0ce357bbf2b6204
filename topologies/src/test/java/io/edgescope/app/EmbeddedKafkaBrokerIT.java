package io.edgescope.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class EmbeddedKafkaBrokerIT {

    private static final int MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

    @Test
    void shouldKeepTopicsAcrossRestartOfTheSameDataFolder(@TempDir Path data) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data, 0, MAX_MESSAGE_BYTES);
             Admin admin = Admin.create(KafkaClientSettings.common(broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("kept", 2, (short) 1))).all().get();
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data, 0, MAX_MESSAGE_BYTES);
             Admin admin = Admin.create(KafkaClientSettings.common(broker.bootstrapServers()))) {
            Set<String> names = admin.listTopics().names().get();
            assertThat(names).contains("kept");
            assertThat(admin.describeTopics(List.of("kept")).allTopicNames().get().get("kept").partitions()).hasSize(2);
        }
    }

    @Test
    void shouldConfigureSingleNodeReplicationForInternalTopics() {
        Map<Object, Object> props = EmbeddedKafkaBroker.serverProperties(Path.of("/tmp/x"), 1, 2, MAX_MESSAGE_BYTES);
        assertThat(props).containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("message.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));
    }
}
