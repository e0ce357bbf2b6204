package io.edgescope.app;

import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.topics.Topics;
import io.edgescope.topology.DeviceTopology;
import io.edgescope.topology.SplitParts;
import io.edgescope.split.EmulatedDevice;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the device topology of split streams: its own Kafka Streams application
 * ({@code <application.id>-device}), so device and edge scale and fail apart even in one process.
 */
public final class SplitDeviceService implements AutoCloseable {

    static final String APP_SUFFIX = "-device";
    private static final Logger LOG = LoggerFactory.getLogger(SplitDeviceService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;

    private SplitDeviceService(KafkaStreams streams) {
        this.streams = streams;
    }

    public static SplitDeviceService start(Platform platform, SplitParts parts) {
        EdgeScopeConfig config = platform.config();
        Properties props = streamsProperties(config, platform.bootstrapServers());
        KafkaStreams streams = new KafkaStreams(DeviceTopology.build(config.frameLimits(),
                platform.registry(), parts, new EmulatedDevice(config.deviceEmulatedSlowdown()), Clock.systemUTC()), props);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Device stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        SplitDeviceService service = new SplitDeviceService(streams);
        DetectionService.startAndAwait(streams, "Device", service::close);
        LOG.info("Device side of split streams running: {} -> {} ({})", Topics.FRAMES.name(), Topics.ACTIVATIONS.name(), parts.variantId());
        return service;
    }

    /** The detection settings, as its own application, with the device link emulated on its producer when configured. */
    static Properties streamsProperties(EdgeScopeConfig config, String bootstrap) {
        Properties props = DetectionService.streamsProperties(config, bootstrap);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId() + APP_SUFFIX);
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().resolve("device").toAbsolutePath().toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.deviceCommitIntervalMs());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, SkipUnreadableFrames.class);
        if (config.deviceLinkMbps() > 0) {
            props.put(StreamsConfig.producerPrefix(org.apache.kafka.clients.producer.ProducerConfig.INTERCEPTOR_CLASSES_CONFIG),
                    LinkEmulatorInterceptor.class.getName());
            props.put(StreamsConfig.producerPrefix(LinkEmulatorInterceptor.BANDWIDTH_MBPS), Double.toString(config.deviceLinkMbps()));
            props.put(StreamsConfig.producerPrefix(LinkEmulatorInterceptor.RTT_MS), Double.toString(config.deviceLinkRttMs()));
        }
        return props;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Exports its Kafka Streams client metrics to {@code metrics}. */
    public void bindTo(PrometheusMetrics metrics) {
        metrics.bind(streams);
    }

    @Override
    public void close() {
        // leave the group at once, so the partitions move to the other instances now rather than after the session timeout
        streams.close(org.apache.kafka.streams.CloseOptions.timeout(CLOSE_TIMEOUT)
                .withGroupMembershipOperation(org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
}
