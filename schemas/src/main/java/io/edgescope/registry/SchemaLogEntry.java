package io.edgescope.registry;

/** One registration as persisted by a {@link SchemaLog}: subject, version, global id and schema text. */
public record SchemaLogEntry(String subject, int version, int id, String schema) {
    /** The log key: one record per subject version, so compaction keeps every version. */
    public String key() {
        return subject + "/" + version;
    }
}
