package io.edgescope.topology;

import io.edgescope.detect.BgrImage;
import io.edgescope.image.ImageCodec;
import io.edgescope.schemas.Activation;
import io.edgescope.schemas.Frame;
import io.edgescope.schemas.StreamProfile;
import io.edgescope.schemas.VariantPolicy;
import io.edgescope.split.EmulatedDevice;
import io.edgescope.split.SplitHead;
import io.edgescope.split.SplitPlanId;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The device side of split streams: for a frame whose stream's profile is SPLIT with a plan, decode
 * it, run the plan's head and transfer layer, and publish the payload as an {@link Activation}.
 * Frames of other streams are left to the detection topology. Failures are thrown to the dead-letter
 * handler.
 */
final class DeviceHeadProcessor implements FixedKeyProcessor<String, Frame, Activation> {

    private final SplitParts parts;
    private final FrameLimits limits;
    private final EmulatedDevice device;
    private final Clock clock;
    private final Map<SplitPlanId, SplitHead> heads = new HashMap<>();
    private FixedKeyProcessorContext<String, Activation> context;
    private ReadOnlyKeyValueStore<String, ValueAndTimestamp<StreamProfile>> profiles;
    private ImageCodec codec;

    DeviceHeadProcessor(SplitParts parts, FrameLimits limits, EmulatedDevice device, Clock clock) {
        this.clock = clock;
        this.parts = parts;
        this.limits = limits;
        this.device = device;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Activation> context) {
        this.context = context;
        this.profiles = context.getStateStore(DeviceTopology.PROFILE_STORE);
        this.codec = new ImageCodec(limits.maxDecodedPixels());
    }

    @Override
    public void process(FixedKeyRecord<String, Frame> record) {
        Frame frame = record.value();
        if (frame == null) {
            return;
        }
        ValueAndTimestamp<StreamProfile> stored = profiles.get(frame.getStreamId());
        StreamProfile profile = stored == null ? null : stored.value();
        if (profile == null || profile.getPolicy() != VariantPolicy.SPLIT || profile.getSplitPlan() == null) {
            return;
        }
        long receivedAt = clock.millis();
        SplitPlanId plan = SplitPlanId.parse(profile.getSplitPlan());
        ByteBuffer image = frame.getImage();
        if (image.remaining() > limits.maxFrameBytes()) {
            throw new FrameRejectedException("frame " + frame.getSequence() + " of stream " + frame.getStreamId() + " is "
                    + image.remaining() + " bytes, over max.frame.bytes=" + limits.maxFrameBytes());
        }
        byte[] bytes = new byte[image.remaining()];
        image.duplicate().get(bytes);
        long t0 = System.nanoTime();
        BgrImage decoded = codec.decode(bytes);
        long decodedAt = System.nanoTime();
        double decodeMillis = (decodedAt - t0) / SplitRecords.NANOS_PER_MILLI;
        SplitHead.Output out = heads.computeIfAbsent(plan, parts::head).run(decoded);
        // an emulated device is slower at the model's work; the JPEG decode is this pipeline's (frames reach the device through
        // Kafka), not the device's, and device-only's emulation leaves it out alike
        device.stretch(decodedAt);
        if (out.payload().length > limits.maxFrameBytes()) {
            throw new FrameRejectedException("plan " + plan + " of stream " + frame.getStreamId() + " sends " + out.payload().length
                    + " bytes per frame, over max.frame.bytes=" + limits.maxFrameBytes() + ": choose a later cut or a transfer layer");
        }
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(SplitRecords.DEVICE_IN_HEADER, SplitRecords.millis(receivedAt));
        headers.add(SplitRecords.DEVICE_OUT_HEADER, SplitRecords.millis(clock.millis()));
        context.forward(record.withHeaders(headers).withValue(Activation.newBuilder().setStreamId(frame.getStreamId()).setSequence(frame.getSequence())
                .setCaptureTime(frame.getCaptureTime()).setPlanId(plan.toString()).setVariantId(parts.variantId())
                .setFrameWidth(out.frameWidth()).setFrameHeight(out.frameHeight()).setPayload(ByteBuffer.wrap(out.payload()))
                .setHeadMillis((float) (decodeMillis + device.slowdown() * out.computeMillis()))
                .setEncodeMillis((float) (device.slowdown() * out.encodeMillis())).build()));
    }

    @Override
    public void close() {
        heads.values().forEach(SplitHead::close);
    }
}
