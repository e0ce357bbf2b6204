package io.edgescope.app;

import io.edgescope.topics.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The Kafka ACLs each EdgeScope role needs, least privilege: a device ingests frames (and follows the
 * camera sources), an edge processor runs the detection topologies, an analyst reads results.
 * {@code edgescope acl} prints or applies them; the security test grants exactly these.
 */
public enum AccessRoles {
    /** Cameras and their ingest supervisors: write frames, read the sources list. */
    DEVICE,
    /** Detection (and split device) processors: the pipeline's topics, their own internal topics, groups and transactions. */
    EDGE,
    /** Analysts: read detections, telemetry and ROMA decisions with their own consumer groups. */
    ANALYST;

    /** Group id prefixes the CLI's one-off consumers use (tail, evaluate), and analysts' own groups. */
    public static final List<String> ANALYST_GROUP_PREFIXES = List.of("edgescope-tail-", "edgescope-evaluate-", "analyst-");
    private static final String WILDCARD_HOST = "*";

    /** The bindings for {@code principal} (e.g. {@code User:edge}) in this role, for application id {@code applicationId}. */
    public List<AclBinding> bindings(String principal, String applicationId) {
        List<AclBinding> out = new ArrayList<>();
        switch (this) {
            case DEVICE -> {
                allow(out, principal, ResourceType.TOPIC, Topics.FRAMES.name(), PatternType.PREFIXED, AclOperation.WRITE, AclOperation.DESCRIBE);
                allow(out, principal, ResourceType.TOPIC, Topics.SOURCES.name(), PatternType.LITERAL, AclOperation.READ, AclOperation.DESCRIBE);
                allow(out, principal, ResourceType.GROUP, applicationId + IngestSupervisors.GROUP_SUFFIX, PatternType.LITERAL, AclOperation.READ);
            }
            case EDGE -> {
                allow(out, principal, ResourceType.TOPIC, Topics.PREFIX, PatternType.PREFIXED, AclOperation.ALL);
                allow(out, principal, ResourceType.TOPIC, applicationId, PatternType.PREFIXED, AclOperation.ALL);
                allow(out, principal, ResourceType.GROUP, applicationId, PatternType.PREFIXED, AclOperation.ALL);
                allow(out, principal, ResourceType.TRANSACTIONAL_ID, applicationId, PatternType.PREFIXED, AclOperation.ALL);
            }
            case ANALYST -> {
                for (String topic : List.of(Topics.DETECTIONS.name(), Topics.TELEMETRY.name(), Topics.ROMA_DECISIONS.name())) {
                    allow(out, principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ, AclOperation.DESCRIBE);
                }
                for (String prefix : ANALYST_GROUP_PREFIXES) {
                    allow(out, principal, ResourceType.GROUP, prefix, PatternType.PREFIXED, AclOperation.READ);
                }
            }
            default -> throw new IllegalStateException(name());
        }
        return out;
    }

    public static AccessRoles parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown role '" + name + "'; one of device, edge, analyst");
        }
    }

    private static void allow(List<AclBinding> out, String principal, ResourceType type, String name, PatternType pattern,
                              AclOperation... operations) {
        for (AclOperation op : operations) {
            out.add(new AclBinding(new ResourcePattern(type, name, pattern),
                    new AccessControlEntry(principal, WILDCARD_HOST, op, AclPermissionType.ALLOW)));
        }
    }
}
