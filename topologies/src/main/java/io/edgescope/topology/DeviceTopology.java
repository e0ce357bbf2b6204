package io.edgescope.topology;

import io.edgescope.registry.SchemaRegistryClient;
import io.edgescope.split.EmulatedDevice;
import io.edgescope.topics.Topics;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The device topology of split streams (its own application, on the device):
 *
 * <pre>
 *   edgescope.stream-profiles ──► device-profiles-source ──► device-profiles-store (global)
 *                                                                   │ SPLIT streams and their plan
 *   edgescope.frames[.site] ──► device-frames-source ──► run-head ◄─┘ ──► activations-sink ──► edgescope.activations
 *                                                            │ (corrupt, oversize, bad plan) ──► edgescope.frames.dlq
 * </pre>
 *
 * Pure: the app supplies the split parts and the registry client.
 */
public final class DeviceTopology {

    public static final String PROFILES_SOURCE = "device-profiles-source";
    public static final String PROFILE_STORE = "device-profiles-store";
    public static final String SOURCE = "device-frames-source";
    public static final String HEAD = "run-head";
    public static final String SINK = "activations-sink";

    private DeviceTopology() {
    }

    public static Topology build(FrameLimits limits, SchemaRegistryClient registry, SplitParts parts) {
        return build(limits, registry, parts, EmulatedDevice.NONE, Clock.systemUTC());
    }

    /**
     * As above, on a device emulated slower than this host ({@code device.emulated.slowdown}, for benchmarks); {@code clock}
     * stamps each activation with when the device began on its frame and sent it.
     */
    public static Topology build(FrameLimits limits, SchemaRegistryClient registry, SplitParts parts, EmulatedDevice device, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.globalTable(Topics.STREAM_PROFILES.name(), Consumed.with(Topics.STREAM_PROFILES.keySerde(),
                Topics.STREAM_PROFILES.valueSerde(registry)).withName(PROFILES_SOURCE), Materialized.as(PROFILE_STORE));
        builder.stream(Topics.FRAME_TOPICS, Consumed.with(Topics.FRAMES.keySerde(), Topics.FRAMES.valueSerde(registry)).withName(SOURCE))
                .processValues(() -> new DeviceHeadProcessor(parts, limits, device, clock), Named.as(HEAD))
                .to(Topics.ACTIVATIONS.name(), Produced.with(Topics.ACTIVATIONS.keySerde(), Topics.ACTIVATIONS.valueSerde(registry))
                        .withName(SINK));
        return builder.build();
    }
}
