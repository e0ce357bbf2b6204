package io.edgescope.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgescope.topics.Topics;
import java.util.List;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class AccessRolesTest {

    private static List<AclOperation> topicOperations(AccessRoles role, String topic) {
        return role.bindings("User:x", "edgescope-detect").stream()
                .filter(b -> b.pattern().resourceType() == ResourceType.TOPIC)
                .filter(b -> b.pattern().patternType() == org.apache.kafka.common.resource.PatternType.PREFIXED
                        ? topic.startsWith(b.pattern().name()) : topic.equals(b.pattern().name()))
                .map(b -> b.entry().operation()).toList();
    }

    @Test
    void shouldLetADeviceWriteFramesButReadNoResults() {
        assertThat(topicOperations(AccessRoles.DEVICE, Topics.FRAMES.name())).contains(AclOperation.WRITE).doesNotContain(AclOperation.READ);
        assertThat(topicOperations(AccessRoles.DEVICE, Topics.frameTopic("dock-2"))).contains(AclOperation.WRITE);
        assertThat(topicOperations(AccessRoles.DEVICE, Topics.DETECTIONS.name())).isEmpty();
    }

    @Test
    void shouldLetAnAnalystOnlyReadResults() {
        List<AclBinding> analyst = AccessRoles.ANALYST.bindings("User:a", "edgescope-detect");
        assertThat(analyst).extracting(b -> b.entry().operation()).containsOnly(AclOperation.READ, AclOperation.DESCRIBE);
        assertThat(topicOperations(AccessRoles.ANALYST, Topics.DETECTIONS.name())).contains(AclOperation.READ);
        assertThat(topicOperations(AccessRoles.ANALYST, Topics.FRAMES.name())).isEmpty();
    }

    @Test
    void shouldScopeTheEdgeRoleToThePipelineAndItsApplicationId() {
        List<AclBinding> edge = AccessRoles.EDGE.bindings("User:e", "site-7");
        assertThat(edge).extracting(b -> b.pattern().name()).containsOnly(Topics.PREFIX, "site-7");
        assertThat(edge).extracting(b -> b.pattern().resourceType()).doesNotContain(ResourceType.CLUSTER);
    }

    @Test
    void shouldNameTheRolesOnAnUnknownOne() {
        assertThatThrownBy(() -> AccessRoles.parse("admin")).hasMessageContaining("device, edge, analyst");
        assertThat(AccessRoles.parse("Edge")).isEqualTo(AccessRoles.EDGE);
    }
}
