package io.edgescope.topics;

import io.edgescope.registry.SchemaRegistryClient;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A topic as a typed constant: its name, key and value serdes, default partition count and the
 * topic-level configs it must be created with (retention, compaction).
 *
 * @param <V> value type
 */
public record TopicDef<V>(String name, int defaultPartitions, Map<String, String> configs,
                          Function<SchemaRegistryClient, Serde<V>> valueSerdeFactory) {

    public TopicDef {
        configs = Map.copyOf(configs);
    }

    /** Keys are always the stream id as a UTF-8 string, so a stream's records share a partition. */
    public Serde<String> keySerde() {
        return Serdes.String();
    }

    /** The value serde, bound to {@code registry} (unused for raw byte topics). */
    public Serde<V> valueSerde(SchemaRegistryClient registry) {
        return valueSerdeFactory.apply(registry);
    }
}
