package io.edgescope.topology;

import io.edgescope.registry.SchemaRegistryClient;
import io.edgescope.topics.Topics;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.Stores;

/**
 * The detection topology.
 *
 * <pre>
 *   edgescope.stream-profiles ──► profiles-source ──► update-profiles ──► stream-profiles-store (global)
 *                                                        │ (bad profile) ──► edgescope.stream-profiles.dlq
 *                                                                                   │ variant per stream
 *   edgescope.frames[.site] ──► frames-source ──► detect-objects ◄──────────────────┘
 *                            │                    │ ──► detections-sink ──► edgescope.detections
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
    public static final String PROFILES_SOURCE = "profiles-source";
    public static final String PROFILE_UPDATER = "update-profiles";
    public static final String PROFILE_STORE = "stream-profiles-store";

    private DetectionTopology() {
    }

    public static Topology build(FrameLimits limits, SchemaRegistryClient registry, DetectorProvider detectors, Clock clock) {
        return build(limits, VariantRules.none(), registry, detectors, DeadLetters.none(), clock);
    }

    /**
     * As {@link #build(FrameLimits, SchemaRegistryClient, DetectorProvider, Clock)}, with default variants by
     * stream-id rules, and where refused profiles go.
     */
    public static Topology build(FrameLimits limits, VariantRules rules, SchemaRegistryClient registry, DetectorProvider detectors,
                                 DeadLetters deadLetters, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PROFILE_STORE),
                        Topics.STREAM_PROFILES.keySerde(), Topics.STREAM_PROFILES.valueSerde(registry)).withLoggingDisabled(),
                Topics.STREAM_PROFILES.name(), Consumed.with(Topics.STREAM_PROFILES.keySerde(), Serdes.ByteArray()).withName(PROFILES_SOURCE),
                () -> new ProfileUpdater(detectors, deadLetters, Topics.STREAM_PROFILES.valueSerde(registry)));
        builder.stream(Topics.FRAME_TOPICS, Consumed.with(Topics.FRAMES.keySerde(), Topics.FRAMES.valueSerde(registry))
                        .withName(SOURCE))
                .processValues(() -> new DetectFrameProcessor(detectors, rules, limits, clock), Named.as(DETECT))
                .to(Topics.DETECTIONS.name(), Produced.with(Topics.DETECTIONS.keySerde(),
                        Topics.DETECTIONS.valueSerde(registry)).withName(SINK));
        return builder.build();
    }
}
