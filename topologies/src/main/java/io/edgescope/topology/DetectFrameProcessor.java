package io.edgescope.topology;

import io.edgescope.detect.BgrImage;
import io.edgescope.detect.DetectionResult;
import io.edgescope.detect.Detector;
import io.edgescope.image.ImageCodec;
import io.edgescope.schemas.Delivery;
import io.edgescope.schemas.Detections;
import io.edgescope.schemas.Frame;
import java.nio.ByteBuffer;
import io.edgescope.detect.Detection;
import io.edgescope.schemas.RegionOfInterest;
import io.edgescope.schemas.RomaDecision;
import io.edgescope.schemas.StreamProfile;
import io.edgescope.schemas.VariantPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Frame in, detections out: check limits, decode, run the thread's detector, stamp variant and
 * latencies. Any failure is thrown, so the processing exception handler sends the frame to the
 * dead-letter topic with the reason and the stream carries on. On REALTIME streams (ROMA streams
 * unless their profile says otherwise) a frame already stale when its turn comes (a newer one is
 * waiting, or it is older than the max age) is skipped and counted, as a viewer would never see its
 * result, so lag stays bounded under overload; so is a frame over the per-stream fps cap (a camera
 * flooding the edge). COMPLETE streams process every frame. ROMA streams
 * get their variant from ROMA, frame by frame.
 */
final class DetectFrameProcessor implements FixedKeyProcessor<String, Frame, FrameOutcome> {

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final DetectorProvider detectors;
    private final VariantRules rules;
    private final FrameLimits limits;
    private final Clock clock;
    private final Map<String, String> lastVariant = new HashMap<>();
    private final Map<String, FrameInterval> intervals = new HashMap<>();
    private final Map<String, FrameRateGuard> rateGuards = new HashMap<>();
    private final RomaStreams roma;
    private final boolean splitOnDevice;
    private final PipelineMetrics metrics;
    private FixedKeyProcessorContext<String, FrameOutcome> context;
    private ImageCodec codec;
    private ReadOnlyKeyValueStore<String, StreamProfile> profiles;

    DetectFrameProcessor(DetectorProvider detectors, VariantRules rules, FrameLimits limits, RomaContext romaContext, boolean splitOnDevice,
                         PipelineMetrics metrics, Clock clock) {
        this.detectors = detectors;
        this.metrics = metrics;
        this.splitOnDevice = splitOnDevice;
        this.roma = new RomaStreams(romaContext, detectors);
        this.rules = rules;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, FrameOutcome> context) {
        this.context = context;
        this.codec = new ImageCodec(limits.maxDecodedPixels());
        this.profiles = context.getStateStore(DetectionTopology.PROFILE_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, Frame> record) {
        long started = System.nanoTime();
        Frame frame = record.value();
        if (frame == null) {
            throw new FrameRejectedException("empty record (no frame) for stream " + record.key());
        }
        String streamId = frame.getStreamId();
        StreamProfile profile = profiles.get(streamId);
        if (splitOnDevice && profile != null && profile.getPolicy() == VariantPolicy.SPLIT && profile.getSplitPlan() != null) {
            return; // the device runs this stream's head (and dead-letters its bad frames)
        }
        metrics.frameIn(streamId);
        int headerBytes = headerBytes(record.headers());
        if (headerBytes > FrameLimits.MAX_HEADER_BYTES) {
            throw new FrameRejectedException("frame " + frame.getSequence() + " of stream " + streamId + " carries " + headerBytes
                    + " bytes of headers, over " + FrameLimits.MAX_HEADER_BYTES);
        }
        ByteBuffer image = frame.getImage();
        if (image.remaining() > limits.maxFrameBytes()) {
            throw new FrameRejectedException("frame " + frame.getSequence() + " of stream " + frame.getStreamId() + " is "
                    + image.remaining() + " bytes, over max.frame.bytes=" + limits.maxFrameBytes());
        }
        boolean romaStream = roma.enabled() && profile != null && profile.getPolicy() == VariantPolicy.ROMA;
        boolean realtime = realtime(profile, romaStream);
        String policy = profile == null ? VariantPolicy.FIXED.name() : profile.getPolicy().name();
        long captured = frame.getCaptureTime().toEpochMilli();
        double interval = intervals.computeIfAbsent(streamId, id -> new FrameInterval())
                .update(captured, frame.getSequence(), profile == null ? 0f : profile.getTargetFps());
        SkipReason skip = realtime ? skipReason(streamId, captured, interval) : null;
        if (skip != null) {
            metrics.frameSkipped(streamId, skip);
            context.forward(record.withValue(new FrameOutcome(policy, null, null)));
            return;
        }
        byte[] bytes = new byte[image.remaining()];
        image.duplicate().get(bytes);
        BgrImage decoded = codec.decode(bytes);
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
        UnaryOperator<String> headers = name -> {
            Header h = record.headers().lastHeader(name);
            return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        };
        Detector detector = detectorFor(streamId, romaStream ? roma.wanted(streamId) : wantedVariant(streamId, profile, topic, headers));
        if (romaStream) {
            roma.detecting(streamId);
        }
        DetectionResult result = onlyClassesOfInterest(detectInRegion(detector, decoded, profile), profile);
        double processingMillis = (System.nanoTime() - started) / NANOS_PER_MILLI;
        long latency = clock.millis() - captured;
        Detections out = DetectionRecords.of(frame, decoded, detector.variantId(), result, processingMillis, latency);
        double detectorMillis = result.timings().totalMillis();
        RomaDecision decision = romaStream ? roma.observe(streamId, detector.variantId(), result.detections(), decoded.width(),
                decoded.height(), frame.getSequence(), detectorMillis, Math.max(0, processingMillis - detectorMillis), interval)
                .map(d -> RomaDecisions.of(streamId, d, clock.instant())).orElse(null) : null;
        metrics.frameProcessed(streamId, detector.variantId(), processingMillis, latency);
        if (decision != null) {
            decision.getEstimates().forEach(e -> metrics.romaEstimate(streamId, e.getVariantId(), e.getRealtimeAp()));
        }
        context.forward(record.withValue(new FrameOutcome(policy, out, decision)));
    }

    private static int headerBytes(org.apache.kafka.common.header.Headers headers) {
        int total = 0;
        for (Header h : headers) {
            total += h.key().length() + (h.value() == null ? 0 : h.value().length);
        }
        return total;
    }

    /** Why a real-time stream's frame is skipped: over the stream's fps cap, or stale; null: process it. */
    private SkipReason skipReason(String streamId, long captured, double interval) {
        if (limits.maxFps() > 0 && !rateGuards.computeIfAbsent(streamId, id -> new FrameRateGuard(limits.maxFps())).admit(captured)) {
            return SkipReason.RATE;
        }
        return limits.stale(clock.millis(), captured, interval) ? SkipReason.STALE : null;
    }

    /** REALTIME and COMPLETE as the profile says; unset: real time for ROMA streams, complete for the others. */
    private static boolean realtime(StreamProfile profile, boolean romaStream) {
        Delivery delivery = profile == null ? null : profile.getDelivery();
        return delivery == null || delivery == Delivery.UNKNOWN ? romaStream : delivery == Delivery.REALTIME;
    }

    /** Detects on the profile's region of interest only (boxes in frame pixels), or on the whole frame. */
    private static DetectionResult detectInRegion(Detector detector, BgrImage frame, StreamProfile profile) {
        RegionOfInterest roi = profile == null ? null : profile.getRoi();
        if (roi == null) {
            return detector.detect(frame);
        }
        int x = Math.max(0, roi.getX());
        int y = Math.max(0, roi.getY());
        DetectionResult inRegion = detector.detect(frame.crop(roi.getX(), roi.getY(), roi.getWidth(), roi.getHeight()));
        return new DetectionResult(inRegion.detections().stream()
                .map(d -> new Detection(d.classId(), d.label(), d.score(), d.x() + x, d.y() + y, d.width(), d.height())).toList(),
                inRegion.timings());
    }

    /** Keeps the boxes of the profile's classes of interest (all when the profile names none). */
    private static DetectionResult onlyClassesOfInterest(DetectionResult result, StreamProfile profile) {
        if (profile == null || profile.getClasses().isEmpty()) {
            return result;
        }
        return new DetectionResult(result.detections().stream().filter(d -> profile.getClasses().contains(d.label())).toList(),
                result.timings());
    }

    /** The stream's profiled variant, else the first matching rule's, else the default. */
    private String wantedVariant(String streamId, StreamProfile profile, String topic, UnaryOperator<String> headers) {
        return profile != null && profile.getPolicy() == VariantPolicy.FIXED && profile.getVariantId() != null
                ? profile.getVariantId() : rules.variantFor(streamId, topic, headers).orElse(detectors.defaultVariant());
    }

    /**
     * The wanted variant's detector when it is loaded; while it loads, the variant the stream ran last (or the default), so a switch
     * never waits for a model load.
     */
    private Detector detectorFor(String streamId, String wanted) {
        Optional<Detector> detector = detectors.forCurrentThread(wanted);
        if (detector.isEmpty()) {
            detectors.prepare(wanted);
            String fallback = lastVariant.getOrDefault(streamId, detectors.defaultVariant());
            detector = detectors.forCurrentThread(fallback).or(() -> detectors.forCurrentThread(detectors.defaultVariant()));
        }
        Detector chosen = detector.orElseThrow(() -> new IllegalStateException("default variant "
                + detectors.defaultVariant() + " is not loaded"));
        lastVariant.put(streamId, chosen.variantId());
        return chosen;
    }
}
