package io.edgescope.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Collection;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Avro records as one-line JSON for people and scripts: timestamps as ISO-8601, byte fields as
 * their size ({@code {"bytes": n}}) rather than megabytes of image data.
 */
public final class RecordJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RecordJson() {
    }

    public static String line(IndexedRecord record) {
        try {
            return JSON.writeValueAsString(toJson(record));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot render record as JSON", e);
        }
    }

    public static ObjectNode toJson(IndexedRecord record) {
        ObjectNode node = NODES.objectNode();
        for (Schema.Field field : record.getSchema().getFields()) {
            node.set(field.name(), value(record.get(field.pos())));
        }
        return node;
    }

    private static JsonNode value(Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof IndexedRecord r) {
            return toJson(r);
        }
        if (v instanceof java.util.Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, item) -> object.set(k.toString(), value(item)));
            return object;
        }
        if (v instanceof Collection<?> items) {
            ArrayNode array = NODES.arrayNode();
            items.forEach(i -> array.add(value(i)));
            return array;
        }
        if (v instanceof ByteBuffer b) {
            return NODES.objectNode().put("bytes", b.remaining());
        }
        if (v instanceof Instant t) {
            return NODES.textNode(t.toString());
        }
        if (v instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (v instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (v instanceof Float f) {
            return NODES.numberNode(f);
        }
        if (v instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        return NODES.textNode(v.toString());
    }
}
