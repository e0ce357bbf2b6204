package io.edgescope.topology;

import io.edgescope.detect.DetectionResult;
import io.edgescope.schemas.Activation;
import io.edgescope.schemas.Detections;
import io.edgescope.split.SplitPlanId;
import io.edgescope.split.SplitTail;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The edge side of split streams: an {@link Activation} in, the plan's tail run on it, detections out
 * (variant id {@code <variant>@<plan>}). A record with an unknown plan, a cut the model cannot be cut
 * at, or tensors that do not match the cut is thrown to the dead-letter handler with the reason.
 */
final class EdgeTailProcessor implements FixedKeyProcessor<String, Activation, Detections> {

    private final SplitParts parts;
    private final Clock clock;
    private final Map<SplitPlanId, SplitTail> tails = new HashMap<>();
    private FixedKeyProcessorContext<String, Detections> context;

    EdgeTailProcessor(SplitParts parts, Clock clock) {
        this.parts = parts;
        this.clock = clock;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Detections> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Activation> record) {
        Activation a = record.value();
        if (a == null) {
            throw new FrameRejectedException("empty activation record for stream " + record.key());
        }
        if (!a.getVariantId().equals(parts.variantId())) {
            throw new FrameRejectedException("activation of stream " + a.getStreamId() + " was cut from " + a.getVariantId()
                    + ", this edge runs " + parts.variantId());
        }
        if (a.getFrameWidth() <= 0 || a.getFrameHeight() <= 0) {
            throw new FrameRejectedException("activation " + a.getSequence() + " of stream " + a.getStreamId() + " declares frame size "
                    + a.getFrameWidth() + "x" + a.getFrameHeight());
        }
        long receivedAt = clock.millis();
        SplitPlanId plan = SplitPlanId.parse(a.getPlanId());
        byte[] payload = new byte[a.getPayload().remaining()];
        a.getPayload().duplicate().get(payload);
        long t0 = System.nanoTime();
        DetectionResult result = tails.computeIfAbsent(plan, parts::tail).run(payload, a.getFrameWidth(), a.getFrameHeight());
        double edgeMillis = (System.nanoTime() - t0) / SplitRecords.NANOS_PER_MILLI;
        Headers headers = new RecordHeaders(record.headers().toArray());
        SplitRecords.millis(headers, SplitRecords.DEVICE_IN_HEADER).ifPresent(in -> headers.add(SplitRecords.FRAME_WAIT_HEADER,
                SplitRecords.millis(in - a.getCaptureTime().toEpochMilli())));
        SplitRecords.millis(headers, SplitRecords.DEVICE_OUT_HEADER).ifPresent(out -> headers.add(SplitRecords.ACTIVATION_WAIT_HEADER,
                SplitRecords.millis(receivedAt - out)));
        context.forward(record.withHeaders(headers).withValue(SplitRecords.detections(a, parts.variantId() + "@" + plan, result, edgeMillis,
                clock.millis() - a.getCaptureTime().toEpochMilli())));
    }

    @Override
    public void close() {
        tails.values().forEach(SplitTail::close);
    }
}
