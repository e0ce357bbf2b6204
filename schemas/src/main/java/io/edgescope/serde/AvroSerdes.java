package io.edgescope.serde;

import io.edgescope.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Wire-format Avro serdes bound to a registry client. */
public final class AvroSerdes {

    private AvroSerdes() {
    }

    public static <T extends SpecificRecord> Serde<T> serde(SchemaRegistryClient registry, Schema schema) {
        return Serdes.serdeFrom(new AvroSerializer<>(registry, schema), new AvroDeserializer<>(registry, schema));
    }
}
