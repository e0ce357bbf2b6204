package io.edgescope.topology;

import io.edgescope.registry.SchemaRegistryClient;
import io.edgescope.topics.Topics;
import io.edgescope.schemas.Detections;
import io.edgescope.schemas.Frame;
import io.edgescope.schemas.Telemetry;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
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
 *                            │ ──► latest-frames (latest-frames-store, for the console)
 *                            │                    │ ──► detections-sink ──► edgescope.detections (+ latest-detections-store)
 *                            │ (unreadable)       │ ──► roma-decisions-sink ──► edgescope.roma.decisions
 *                            │                    │ ──► aggregate-telemetry (10 s windows, telemetry-store) ──► edgescope.telemetry
 *                            │                    │ (corrupt, oversize, failed)
 *                            └────────────────────┴──► edgescope.frames.dlq  (built-in DLQ, KIP-1034)
 *   edgescope.activations ──► activations-source ──► run-tail ──► merge-split-detections ──► detections-sink
 *                                                  (the edge of split streams, when split parts are given)
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
    public static final String PROCESSED = "processed-frames";
    public static final String LATEST = "latest-detections";
    public static final String LATEST_STORE = "latest-detections-store";
    public static final String LATEST_FRAME = "latest-frames";
    public static final String LATEST_FRAME_STORE = "latest-frames-store";
    public static final String ACTIVATIONS_SOURCE = "activations-source";
    public static final String TAIL = "run-tail";
    public static final String SPLIT_MERGE = "merge-split-detections";
    public static final String DETECTIONS_OF = "detections-of-frames";
    public static final String DECIDED = "roma-decided";
    public static final String DECISIONS_OF = "roma-decisions-of-frames";
    public static final String DECISIONS_SINK = "roma-decisions-sink";
    public static final String GROUP_BY_STREAM = "outcomes-by-stream";
    public static final String AGGREGATE_TELEMETRY = "aggregate-telemetry";
    public static final String TELEMETRY_STORE = "telemetry-store";
    public static final String CLOSED_WINDOWS = "closed-telemetry-windows";
    public static final String TELEMETRY_STREAM = "telemetry-windows";
    public static final String STAMP_WINDOW = "stamp-telemetry-window";
    public static final String TELEMETRY_SINK = "telemetry-sink";
    /** Telemetry windows: tumbling, by frame time. */
    public static final Duration TELEMETRY_WINDOW = Duration.ofSeconds(10);
    /**
     * How long the telemetry store keeps a window: the open one and the one before. In memory (changelogged, so restored after a
     * move): a persistent store would flush RocksDB at every exactly-once commit, which cost the stream thread 3-4 ms per commit.
     */
    static final Duration TELEMETRY_RETENTION = TELEMETRY_WINDOW.multipliedBy(2);

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
        return build(limits, rules, registry, detectors, deadLetters, RomaContext.disabled(), clock);
    }

    /** As above, with what streams of the ROMA policy need. */
    public static Topology build(FrameLimits limits, VariantRules rules, SchemaRegistryClient registry, DetectorProvider detectors,
                                 DeadLetters deadLetters, RomaContext roma, Clock clock) {
        return build(limits, rules, registry, detectors, deadLetters, roma, null, clock);
    }

    /**
     * As above; with {@code split} (may be null) the topology is also the edge of split streams: activations from their devices go
     * through the plan's tail to the detections topic, and their frames are left to the device.
     */
    public static Topology build(FrameLimits limits, VariantRules rules, SchemaRegistryClient registry, DetectorProvider detectors,
                                 DeadLetters deadLetters, RomaContext roma, SplitParts split, Clock clock) {
        return build(limits, rules, registry, detectors, deadLetters, roma, split, PipelineMetrics.NONE, clock);
    }

    /** As above, reporting per-stream counts and times to {@code metrics}. */
    public static Topology build(FrameLimits limits, VariantRules rules, SchemaRegistryClient registry, DetectorProvider detectors,
                                 DeadLetters deadLetters, RomaContext roma, SplitParts split, PipelineMetrics metrics, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PROFILE_STORE),
                        Topics.STREAM_PROFILES.keySerde(), Topics.STREAM_PROFILES.valueSerde(registry)).withLoggingDisabled(),
                Topics.STREAM_PROFILES.name(), Consumed.with(Topics.STREAM_PROFILES.keySerde(), Serdes.ByteArray()).withName(PROFILES_SOURCE),
                () -> new ProfileUpdater(detectors, deadLetters, Topics.STREAM_PROFILES.valueSerde(registry)));
        KStream<String, Frame> frames = builder.stream(Topics.FRAME_TOPICS,
                Consumed.with(Topics.FRAMES.keySerde(), Topics.FRAMES.valueSerde(registry)).withName(SOURCE));
        // each stream's latest frame, for the console (in memory, not logged, like the latest detections)
        frames.toTable(Named.as(LATEST_FRAME), Materialized.<String, Frame>as(Stores.inMemoryKeyValueStore(LATEST_FRAME_STORE))
                .withKeySerde(Topics.FRAMES.keySerde()).withValueSerde(Topics.FRAMES.valueSerde(registry)).withLoggingDisabled());
        KStream<String, FrameOutcome> outcomes = frames
                .processValues(() -> new DetectFrameProcessor(detectors, rules, limits, roma, split != null, metrics, clock), Named.as(DETECT));
        KStream<String, Detections> detections = outcomes.filter((k, o) -> !o.skipped(), Named.as(PROCESSED))
                .mapValues(FrameOutcome::detections, Named.as(DETECTIONS_OF));
        if (split != null) {
            detections = detections.merge(builder.stream(Topics.ACTIVATIONS.name(), Consumed.with(Topics.ACTIVATIONS.keySerde(),
                            Topics.ACTIVATIONS.valueSerde(registry)).withName(ACTIVATIONS_SOURCE))
                    .processValues(() -> new EdgeTailProcessor(split, clock), Named.as(TAIL)), Named.as(SPLIT_MERGE));
        }
        detections.to(Topics.DETECTIONS.name(), Produced.with(Topics.DETECTIONS.keySerde(),
                Topics.DETECTIONS.valueSerde(registry)).withName(SINK));
        // each stream's latest detections, for queries (in memory, not logged: refilled by the next frame after a move)
        detections.toTable(Named.as(LATEST), Materialized.<String, Detections>as(Stores.inMemoryKeyValueStore(LATEST_STORE))
                .withKeySerde(Topics.DETECTIONS.keySerde()).withValueSerde(Topics.DETECTIONS.valueSerde(registry)).withLoggingDisabled());
        outcomes.filter((k, o) -> o.decision() != null, Named.as(DECIDED))
                .mapValues(FrameOutcome::decision, Named.as(DECISIONS_OF))
                .to(Topics.ROMA_DECISIONS.name(), Produced.with(Topics.ROMA_DECISIONS.keySerde(),
                        Topics.ROMA_DECISIONS.valueSerde(registry)).withName(DECISIONS_SINK));
        outcomes.groupByKey(Grouped.as(GROUP_BY_STREAM))
                .windowedBy(TimeWindows.ofSizeWithNoGrace(TELEMETRY_WINDOW))
                .aggregate(TelemetryWindows::empty, (stream, outcome, t) -> TelemetryWindows.add(stream, outcome, t, TELEMETRY_WINDOW),
                        Named.as(AGGREGATE_TELEMETRY), Materialized.<String, Telemetry>as(Stores.inMemoryWindowStore(TELEMETRY_STORE,
                                        TELEMETRY_RETENTION, TELEMETRY_WINDOW, false))
                                .withKeySerde(Topics.TELEMETRY.keySerde()).withValueSerde(Topics.TELEMETRY.valueSerde(registry)))
                .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()).withName(CLOSED_WINDOWS))
                .toStream(Named.as(TELEMETRY_STREAM))
                .map((w, t) -> KeyValue.pair(w.key(), TelemetryWindows.inWindow(t, w.window().start(), w.window().end())),
                        Named.as(STAMP_WINDOW))
                .to(Topics.TELEMETRY.name(), Produced.with(Topics.TELEMETRY.keySerde(), Topics.TELEMETRY.valueSerde(registry))
                        .withName(TELEMETRY_SINK));
        return builder.build();
    }
}
