package io.edgescope.cli;

import io.edgescope.app.RecordJson;

import io.edgescope.app.KafkaClientSettings;
import io.edgescope.app.Platform;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.registry.SchemaRegistryClient;
import io.edgescope.registry.SchemaRegistryClients;
import io.edgescope.topics.TopicDef;
import io.edgescope.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints records of an EdgeScope topic as JSON lines, decoded through the registry. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Print records of an EdgeScope topic as JSON lines (frames show image sizes, dead letters their headers).")
final class TailCommand implements Callable<Integer> {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "TOPIC", description = "frames, detections, frames.dlq (or the full edgescope.* name).")
    String topic;

    @Option(names = "--stream", paramLabel = "ID", description = "Only this stream.")
    String streamId;

    @Option(names = "--from-beginning", description = "Start at the oldest record kept (default: only new records).")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N records (default: run until Ctrl-C).")
    long max;

    @Override
    public Integer call() throws Exception {
        EdgeScopeConfig config = common.clientConfig();
        TopicDef<?> def = resolve(topic);
        Platform.checkReachable(config.bootstrapServers(), config);
        SchemaRegistryClient registry = SchemaRegistryClients.create(config.registryClient());
        Deserializer<?> values = def.valueSerde(registry).deserializer();
        Map<String, Object> props = new HashMap<>(KafkaClientSettings.consumer(config.bootstrapServers(), config));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "edgescope-tail-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
        long printed = 0;
        try (ShutdownSignal signal = new ShutdownSignal();
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(def.name()));
            while (!signal.requested() && (max == 0 || printed < max)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
                    if (streamId != null && !streamId.equals(key)) {
                        continue;
                    }
                    System.out.println(render(values, r, key));
                    printed++;
                    if (max > 0 && printed >= max) {
                        break;
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            Thread.interrupted();
        }
        return 0;
    }

    static TopicDef<?> resolve(String name) {
        List<String> known = new ArrayList<>();
        for (TopicDef<?> def : Topics.PIPELINE) {
            if (def.name().equals(name) || def.name().equals(Topics.PREFIX + name)) {
                return def;
            }
            known.add(def.name().substring(Topics.PREFIX.length()));
        }
        throw new IllegalArgumentException("Unknown topic '" + name + "'; one of: " + String.join(", ", known));
    }

    private static String render(Deserializer<?> values, ConsumerRecord<byte[], byte[]> r, String key) {
        Object value = values.deserialize(r.topic(), r.value());
        if (value instanceof IndexedRecord record) {
            return RecordJson.line(record);
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("key", key).put("partition", r.partition()).put("offset", r.offset())
                .put("valueBytes", r.value() == null ? 0 : r.value().length);
        ObjectNode headers = node.putObject("headers");
        for (Header h : r.headers()) {
            if (!h.key().endsWith("stacktrace")) {
                headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        return node.toString();
    }
}
