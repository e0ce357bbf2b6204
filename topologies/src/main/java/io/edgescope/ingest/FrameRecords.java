package io.edgescope.ingest;

import io.edgescope.media.EncodedFrame;
import io.edgescope.schemas.Frame;
import io.edgescope.schemas.ImageEncoding;
import java.nio.ByteBuffer;
import java.time.Instant;

/** Builds the {@link Frame} record published for a source frame. */
public final class FrameRecords {

    private FrameRecords() {
    }

    public static Frame of(String streamId, long sequence, Instant captureTime, EncodedFrame frame, String source) {
        return Frame.newBuilder()
                .setStreamId(streamId)
                .setSequence(sequence)
                .setCaptureTime(captureTime)
                .setWidth(frame.width())
                .setHeight(frame.height())
                .setEncoding(EncodedFrame.PNG.equals(frame.format()) ? ImageEncoding.PNG : ImageEncoding.JPEG)
                .setImage(ByteBuffer.wrap(frame.image()))
                .setSource(source)
                .build();
    }
}
