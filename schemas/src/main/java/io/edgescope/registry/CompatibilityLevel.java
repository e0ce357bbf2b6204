package io.edgescope.registry;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/** Compatibility levels of the Confluent registry (non-transitive: checked against the latest version). */
public enum CompatibilityLevel {
    /** Anything goes. */
    NONE,
    /** Consumers using the new schema can read data written with the latest one. */
    BACKWARD,
    /** Consumers using the latest schema can read data written with the new one. */
    FORWARD,
    /** Both BACKWARD and FORWARD. */
    FULL;

    /** Whether {@code candidate} may follow {@code latest} under this level, by Avro's own checker. */
    public boolean allows(Schema latest, Schema candidate) {
        return switch (this) {
            case NONE -> true;
            case BACKWARD -> canRead(candidate, latest);
            case FORWARD -> canRead(latest, candidate);
            case FULL -> canRead(candidate, latest) && canRead(latest, candidate);
        };
    }

    private static boolean canRead(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
                == SchemaCompatibilityType.COMPATIBLE;
    }
}
