package io.edgescope.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The registry's state and rules: subjects, versions, global ids (one id per distinct schema, shared
 * across subjects as the Confluent registry does) and the compatibility check on registration. Backs
 * both the embedded HTTP registry and the in-memory client used by tests. Thread-safe.
 */
public final class SchemaStore implements SchemaRegistryClient, AutoCloseable {

    private final SchemaLog log;
    private final CompatibilityLevel level;
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchemaText = new HashMap<>();
    private final Map<String, TreeMap<Integer, SubjectSchema>> subjects = new TreeMap<>();
    private int lastId;

    /** A store replaying {@code log}, enforcing {@code level} on every new version. */
    public SchemaStore(SchemaLog log, CompatibilityLevel level) {
        this.log = Objects.requireNonNull(log, "log");
        this.level = Objects.requireNonNull(level, "level");
        log.replay().forEach(this::apply);
    }

    /** An in-memory store with BACKWARD compatibility and no persistence. */
    public static SchemaStore inMemory() {
        return new SchemaStore(SchemaLog.none(), CompatibilityLevel.BACKWARD);
    }

    public CompatibilityLevel level() {
        return level;
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        Optional<SubjectSchema> existing = lookup(subject, schema);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        Optional<SubjectSchema> latest = latestVersion(subject);
        if (latest.isPresent() && !level.allows(latest.get().schema(), schema)) {
            throw new SchemaRegistryException(SchemaRegistryException.INCOMPATIBLE,
                    "Schema being registered is incompatible with the latest version " + latest.get().version()
                            + " of subject '" + subject + "' under " + level + " compatibility");
        }
        String text = schema.toString();
        int id = idsBySchemaText.getOrDefault(text, lastId + 1);
        int version = latest.map(s -> s.version() + 1).orElse(1);
        SchemaLogEntry entry = new SchemaLogEntry(subject, version, id, text);
        log.append(entry);
        apply(entry);
        return id;
    }

    /** Registers schema text, rejecting text that is not a valid Avro schema (error 42201). */
    public int register(String subject, String schemaText) {
        return register(subject, parse(schemaText));
    }

    @Override
    public synchronized Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public synchronized SubjectSchema latest(String subject) {
        return latestVersion(subject).orElseThrow(() -> subjectNotFound(subject));
    }

    /** A given version of a subject. */
    public synchronized SubjectSchema version(String subject, int version) {
        TreeMap<Integer, SubjectSchema> versions = subjects.get(subject);
        if (versions == null) {
            throw subjectNotFound(subject);
        }
        SubjectSchema found = versions.get(version);
        if (found == null) {
            throw new SchemaRegistryException(SchemaRegistryException.VERSION_NOT_FOUND,
                    "Version " + version + " not found for subject '" + subject + "'");
        }
        return found;
    }

    /** The version numbers of a subject, ascending. */
    public synchronized List<Integer> versions(String subject) {
        TreeMap<Integer, SubjectSchema> versions = subjects.get(subject);
        if (versions == null) {
            throw subjectNotFound(subject);
        }
        return new ArrayList<>(versions.keySet());
    }

    /** The version of {@code subject} holding exactly {@code schema}, if any. */
    public synchronized Optional<SubjectSchema> lookup(String subject, Schema schema) {
        TreeMap<Integer, SubjectSchema> versions = subjects.get(subject);
        if (versions == null) {
            return Optional.empty();
        }
        return versions.values().stream().filter(v -> v.schema().equals(schema)).findFirst();
    }

    @Override
    public synchronized boolean isCompatible(String subject, Schema schema) {
        return latestVersion(subject).map(latest -> level.allows(latest.schema(), schema)).orElse(true);
    }

    @Override
    public synchronized List<String> subjects() {
        return new ArrayList<>(subjects.keySet());
    }

    @Override
    public void close() {
        log.close();
    }

    /** Parses schema text, mapping parse failures to the registry's invalid-schema error. */
    public static Schema parse(String schemaText) {
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (SchemaParseException | NullPointerException e) {
            throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA, "Invalid schema: " + e.getMessage(), e);
        }
    }

    private Optional<SubjectSchema> latestVersion(String subject) {
        TreeMap<Integer, SubjectSchema> versions = subjects.get(subject);
        return versions == null || versions.isEmpty() ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
    }

    private synchronized void apply(SchemaLogEntry entry) {
        Schema schema = schemasById.computeIfAbsent(entry.id(), id -> parse(entry.schema()));
        idsBySchemaText.putIfAbsent(entry.schema(), entry.id());
        lastId = Math.max(lastId, entry.id());
        subjects.computeIfAbsent(entry.subject(), s -> new TreeMap<>())
                .put(entry.version(), new SubjectSchema(entry.subject(), entry.version(), entry.id(), schema));
    }

    private static SchemaRegistryException subjectNotFound(String subject) {
        return new SchemaRegistryException(SchemaRegistryException.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found");
    }
}
