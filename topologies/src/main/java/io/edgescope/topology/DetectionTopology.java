package io.edgescope.topology;

import io.edgescope.registry.SchemaRegistryClient;
import io.edgescope.topics.Topics;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The detection topology.
 *
 * <pre>
 *   edgescope.frames ──► frames-source ──► detect-objects ──► detections-sink ──► edgescope.detections
 *                            │ (unreadable)       │ (corrupt, oversize, failed)
 *                            └────────────────────┴──► edgescope.frames.dlq  (built-in DLQ, KIP-1034)
 * </pre>
 *
 * Keys are stream ids throughout, so each stream's frames stay in one partition and in order.
 * Pure: no I/O, no model loading; the app supplies detectors and the registry client.
 */
public final class DetectionTopology {

    public static final String SOURCE = "frames-source";
    public static final String DETECT = "detect-objects";
    public static final String SINK = "detections-sink";

    private DetectionTopology() {
    }

    public static Topology build(FrameLimits limits, SchemaRegistryClient registry, DetectorProvider detectors, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.FRAMES.name(), Consumed.with(Topics.FRAMES.keySerde(), Topics.FRAMES.valueSerde(registry))
                        .withName(SOURCE))
                .processValues(() -> new DetectFrameProcessor(detectors, limits, clock), Named.as(DETECT))
                .to(Topics.DETECTIONS.name(), Produced.with(Topics.DETECTIONS.keySerde(),
                        Topics.DETECTIONS.valueSerde(registry)).withName(SINK));
        return builder.build();
    }
}
