package io.edgescope.app;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device application's handler for records it cannot read: skip them with a log line but no dead
 * letter. The detection application reads the same frame topics and dead-letters them, once; the
 * device can only tell a split stream's frame once it has read it.
 */
public final class SkipUnreadableFrames implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SkipUnreadableFrames.class);

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        LOG.warn("Device side skips an unreadable record of {} (partition {}, offset {}): {}", record.topic(), record.partition(),
                record.offset(), exception.getMessage());
        return Response.resume();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure
    }
}
