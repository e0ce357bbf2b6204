package io.edgescope.topics;

import io.edgescope.schemas.Activation;
import io.edgescope.schemas.CameraSource;
import io.edgescope.schemas.Detections;
import io.edgescope.schemas.Frame;
import io.edgescope.schemas.RomaDecision;
import io.edgescope.schemas.Telemetry;
import io.edgescope.schemas.StreamProfile;
import io.edgescope.schemas.VariantInfo;
import io.edgescope.serde.AvroSerdes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic EdgeScope reads or writes, in one place. Names follow {@code edgescope.<domain>[.<event>]};
 * a dead-letter topic is {@code <topic>.dlq}. All keys are the stream id.
 */
public final class Topics {

    public static final String PREFIX = "edgescope.";
    public static final String DLQ_SUFFIX = ".dlq";
    static final int FRAME_PARTITIONS = 4;
    static final Duration FRAME_RETENTION = Duration.ofHours(1);
    static final Duration DETECTION_RETENTION = Duration.ofDays(7);
    static final Duration DLQ_RETENTION = Duration.ofDays(14);

    /** Encoded camera frames: big and short-lived. */
    public static final TopicDef<Frame> FRAMES = new TopicDef<>(PREFIX + "frames", FRAME_PARTITIONS,
            Map.of(TopicConfig.RETENTION_MS_CONFIG, millis(FRAME_RETENTION)),
            registry -> AvroSerdes.serde(registry, Frame.getClassSchema()));

    /**
     * Frame topics the detection topology reads: {@code edgescope.frames} and per-site topics
     * {@code edgescope.frames.<site>} (not the dead-letter topic).
     */
    public static final Pattern FRAME_TOPICS = Pattern.compile(Pattern.quote(PREFIX + "frames") + "(\\.(?!dlq$)[A-Za-z0-9_-]+)?");

    /** The frame topic of a site, or the shared one when {@code site} is null or blank. */
    public static String frameTopic(String site) {
        if (site == null || site.isBlank()) {
            return FRAMES.name();
        }
        String topic = FRAMES.name() + "." + site;
        if (!FRAME_TOPICS.matcher(topic).matches()) {
            throw new IllegalArgumentException("Site '" + site + "' must be letters, digits, '_' or '-' (and not 'dlq')");
        }
        return topic;
    }

    /** Detections per frame, one record per frame processed. */
    public static final TopicDef<Detections> DETECTIONS = new TopicDef<>(PREFIX + "detections", FRAME_PARTITIONS,
            Map.of(TopicConfig.RETENTION_MS_CONFIG, millis(DETECTION_RETENTION)),
            registry -> AvroSerdes.serde(registry, Detections.getClassSchema()));

    /** Frames the detection topology could not read or process, raw, with headers saying why. */
    public static final TopicDef<byte[]> FRAMES_DLQ = new TopicDef<>(FRAMES.name() + DLQ_SUFFIX, 1,
            Map.of(TopicConfig.RETENTION_MS_CONFIG, millis(DLQ_RETENTION)),
            registry -> Serdes.ByteArray());

    /** Per-stream profiles (compacted, keyed by stream id): which variant each stream runs. */
    public static final TopicDef<StreamProfile> STREAM_PROFILES = new TopicDef<>(PREFIX + "stream-profiles", 1,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
            registry -> AvroSerdes.serde(registry, StreamProfile.getClassSchema()));

    /** Profiles the detection topology refused, raw, with headers saying why. */
    public static final TopicDef<byte[]> STREAM_PROFILES_DLQ = new TopicDef<>(STREAM_PROFILES.name() + DLQ_SUFFIX, 1,
            Map.of(TopicConfig.RETENTION_MS_CONFIG, millis(DLQ_RETENTION)),
            registry -> Serdes.ByteArray());

    /** The variant catalogue with measured latency (compacted, keyed by variant id). */
    public static final TopicDef<VariantInfo> VARIANTS = new TopicDef<>(PREFIX + "variants", 1,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
            registry -> AvroSerdes.serde(registry, VariantInfo.getClassSchema()));

    /** Split streams: what the device's head sends the edge's tail, one record per frame. */
    public static final TopicDef<Activation> ACTIVATIONS = new TopicDef<>(PREFIX + "activations", FRAME_PARTITIONS,
            Map.of(TopicConfig.RETENTION_MS_CONFIG, millis(FRAME_RETENTION)),
            registry -> AvroSerdes.serde(registry, Activation.getClassSchema()));

    /** Camera sources the ingest supervisor grabs (compacted, keyed by stream id; a tombstone removes one). */
    public static final TopicDef<CameraSource> SOURCES = new TopicDef<>(PREFIX + "sources", FRAME_PARTITIONS,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
            registry -> AvroSerdes.serde(registry, CameraSource.getClassSchema()));

    /** Per stream and window: frames in/out/dropped, latency percentiles, variants used, ROMA's estimates. */
    public static final TopicDef<Telemetry> TELEMETRY = new TopicDef<>(PREFIX + "telemetry", FRAME_PARTITIONS,
            Map.of(TopicConfig.RETENTION_MS_CONFIG, millis(DETECTION_RETENTION)),
            registry -> AvroSerdes.serde(registry, Telemetry.getClassSchema()));

    /** Every ROMA decision with its inputs and every candidate's estimate. */
    public static final TopicDef<RomaDecision> ROMA_DECISIONS = new TopicDef<>(PREFIX + "roma.decisions", FRAME_PARTITIONS,
            Map.of(TopicConfig.RETENTION_MS_CONFIG, millis(DETECTION_RETENTION)),
            registry -> AvroSerdes.serde(registry, RomaDecision.getClassSchema()));

    /** Registered schemas (compacted), kept by the embedded registry. */
    public static final String SCHEMAS = PREFIX + "schemas";

    /** The topics the pipeline provisions, in creation order. */
    public static final List<TopicDef<?>> PIPELINE = List.of(FRAMES, DETECTIONS, FRAMES_DLQ, STREAM_PROFILES,
            STREAM_PROFILES_DLQ, VARIANTS, TELEMETRY, ROMA_DECISIONS, ACTIVATIONS, SOURCES);

    /** Topics spread over partitions by stream id; their partition count is configurable (frames.partitions). */
    public static final List<TopicDef<?>> KEYED_BY_STREAM = List.of(FRAMES, DETECTIONS, TELEMETRY, ROMA_DECISIONS, ACTIVATIONS, SOURCES);

    /** Topics whose records carry a whole frame and so need the large-message settings. */
    public static final List<TopicDef<?>> FRAME_SIZED = List.of(FRAMES, FRAMES_DLQ, ACTIVATIONS);

    private Topics() {
    }

    private static String millis(Duration d) {
        return Long.toString(d.toMillis());
    }
}
