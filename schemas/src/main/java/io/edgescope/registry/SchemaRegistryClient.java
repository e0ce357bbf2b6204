package io.edgescope.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry REST API that EdgeScope uses. Implementations
 * cache what never changes (ids and their schemas), so callers may ask on every record.
 */
public interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} (or finds it) and returns its global id. */
    int register(String subject, Schema schema);

    /** The schema with the given global id. */
    Schema schemaById(int id);

    /** The latest version registered under {@code subject}. */
    SubjectSchema latest(String subject);

    /** Whether {@code schema} may be registered under {@code subject} given its compatibility level. */
    boolean isCompatible(String subject, Schema schema);

    /** All subjects with at least one version. */
    List<String> subjects();
}
