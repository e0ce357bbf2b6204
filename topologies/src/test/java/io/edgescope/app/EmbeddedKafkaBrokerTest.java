package io.edgescope.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerTest {

    @Test
    void shouldFindThePortOfEveryListenerTheOverridesNameSoTheNodesOwnPortsDifferFromThem() {
        assertThat(EmbeddedKafkaBroker.portsNamedIn("SECURE://localhost:41435,OTHER://127.0.0.1:9093")).containsExactlyInAnyOrder(41435, 9093);
        assertThat(EmbeddedKafkaBroker.portsNamedIn("")).isEmpty();
    }
}
