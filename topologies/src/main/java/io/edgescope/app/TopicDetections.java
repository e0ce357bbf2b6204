package io.edgescope.app;

import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.eval.DetectionSet;
import io.edgescope.eval.ScoredBox;
import io.edgescope.registry.SchemaRegistryClients;
import io.edgescope.schemas.BoundingBox;
import io.edgescope.schemas.Detections;
import io.edgescope.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One stream's detections as published on the detections topic, with when each frame arrived
 * (its capture time) and when its detections were ready (capture time + measured latency).
 */
public record TopicDetections(DetectionSet detections, Map<Integer, Double> arrivalMillis, Map<Integer, Double> finishMillis) {

    private static final Duration POLL = Duration.ofMillis(200);

    /** Reads the stream's records from the start of the topic until nothing new arrives for {@code idle}. */
    public static TopicDetections read(EdgeScopeConfig config, String streamId, String label, Duration idle) {
        Map<String, Object> props = new HashMap<>(KafkaClientSettings.consumer(config.bootstrapServers(), config));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "edgescope-evaluate-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<Detections> records = new ArrayList<>();
        try (KafkaConsumer<String, Detections> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                Topics.DETECTIONS.valueSerde(SchemaRegistryClients.create(config.registryClient())).deserializer())) {
            consumer.subscribe(List.of(Topics.DETECTIONS.name()));
            long quietSince = System.currentTimeMillis();
            while (System.currentTimeMillis() - quietSince < idle.toMillis()) {
                for (ConsumerRecord<String, Detections> r : consumer.poll(POLL)) {
                    quietSince = System.currentTimeMillis();
                    if (streamId.equals(r.key()) && r.value() != null) {
                        records.add(r.value());
                    }
                }
            }
        }
        return of(records, streamId, label);
    }

    /** {@code records} of one stream as an evaluable detection set: boxes of {@code label}, frames numbered from 1. */
    public static TopicDetections of(List<Detections> records, String streamId, String label) {
        Map<Integer, List<ScoredBox>> boxes = new TreeMap<>();
        Map<Integer, Double> latency = new TreeMap<>();
        Map<Integer, Double> arrival = new TreeMap<>();
        Map<Integer, Double> finish = new TreeMap<>();
        String variant = streamId;
        for (Detections d : records) {
            int frame = (int) d.getSequence() + 1;
            variant = d.getVariantId();
            List<ScoredBox> list = new ArrayList<>();
            for (BoundingBox b : d.getBoxes()) {
                if (label.equals(b.getLabel())) {
                    list.add(new ScoredBox(b.getX(), b.getY(), b.getWidth(), b.getHeight(), b.getScore()));
                }
            }
            boxes.put(frame, list);
            latency.put(frame, (double) d.getProcessingMillis());
            double captured = d.getCaptureTime().toEpochMilli();
            arrival.put(frame, captured);
            finish.put(frame, captured + d.getLatencyMillis());
        }
        return new TopicDetections(new DetectionSet(boxes, latency, variant), arrival, finish);
    }
}
