package io.edgescope.app;

import io.edgescope.split.SplitPlanner;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Emulates the device's uplink on its producer: each record is held for rtt + bytes / bandwidth before
 * it is handed to Kafka — the same link model the split planner predicts with ({@link SplitPlanner.Link})
 * and {@code bench split} measures against, here on the real device → broker → edge path. Sends are
 * serialised, as on a saturated link. Configured by {@link #BANDWIDTH_MBPS} and {@link #RTT_MS}.
 */
public final class LinkEmulatorInterceptor implements ProducerInterceptor<byte[], byte[]> {

    public static final String BANDWIDTH_MBPS = "edgescope.link.bandwidth.mbps";
    public static final String RTT_MS = "edgescope.link.rtt.ms";
    private static final long NANOS_PER_MILLI = 1_000_000L;

    /** How the interceptor waits (a test records the waits instead). */
    @FunctionalInterface
    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final Sleeper sleeper;
    private SplitPlanner.Link link;

    /** Made by the Kafka producer from its configuration. */
    public LinkEmulatorInterceptor() {
        this((nanos) -> Thread.sleep(nanos / NANOS_PER_MILLI, (int) (nanos % NANOS_PER_MILLI)));
    }

    LinkEmulatorInterceptor(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        link = new SplitPlanner.Link(Double.parseDouble(String.valueOf(configs.get(BANDWIDTH_MBPS))),
                Double.parseDouble(String.valueOf(configs.containsKey(RTT_MS) ? configs.get(RTT_MS) : "0")));
    }

    @Override
    public synchronized ProducerRecord<byte[], byte[]> onSend(ProducerRecord<byte[], byte[]> record) {
        long bytes = (record.key() == null ? 0 : record.key().length) + (record.value() == null ? 0 : record.value().length);
        try {
            sleeper.sleepNanos(Math.round(link.transferMillis(bytes) * NANOS_PER_MILLI));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        // nothing: the link's delay is on the way out
    }

    @Override
    public void close() {
        // nothing held
    }
}
