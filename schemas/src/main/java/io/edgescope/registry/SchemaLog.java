package io.edgescope.registry;

import java.util.List;

/** Durable storage of registrations: replayed at start, appended to on every new version. */
public interface SchemaLog extends AutoCloseable {

    /** Every entry written so far, in write order. */
    List<SchemaLogEntry> replay();

    /** Persists {@code entry}; returns only once it is durable. */
    void append(SchemaLogEntry entry);

    @Override
    void close();

    /** A log that keeps nothing: for in-memory registries (tests, {@code mock://}). */
    static SchemaLog none() {
        return new SchemaLog() {
            @Override
            public List<SchemaLogEntry> replay() {
                return List.of();
            }

            @Override
            public void append(SchemaLogEntry entry) {
                // nothing to persist
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }
}
