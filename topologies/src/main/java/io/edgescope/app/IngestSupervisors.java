package io.edgescope.app;

import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.ingest.IngestSupervisor;
import io.edgescope.ingest.SequenceResume;
import io.edgescope.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Starts an ingest supervisor on a platform's cluster and registry. */
public final class IngestSupervisors {

    /** Supervisors of one deployment share the sources as the consumer group {@code <application.id>-ingest}. */
    static final String GROUP_SUFFIX = "-ingest";
    /** Frames read back at most, per stream started, for where its numbering stopped (about 17 s of 4 cameras at 15 fps on one partition). */
    static final long SEQUENCE_LOOKBACK_RECORDS = 1024;
    /** A stream whose last frame is older than this starts its numbering again at 0. */
    static final Duration SEQUENCE_MAX_AGE = Duration.ofMinutes(5);
    static final Duration SEQUENCE_LOOKUP_TIMEOUT = Duration.ofSeconds(10);

    private IngestSupervisors() {
    }

    public static IngestSupervisor start(Platform platform) {
        EdgeScopeConfig config = platform.config();
        Map<String, Object> consumer = new HashMap<>(KafkaClientSettings.consumer(platform.bootstrapServers(), config));
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, config.applicationId() + GROUP_SUFFIX);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new IngestSupervisor(new KafkaConsumer<>(consumer, new StringDeserializer(),
                Topics.SOURCES.valueSerde(platform.registry()).deserializer()),
                new KafkaProducer<>(KafkaClientSettings.producer(platform.bootstrapServers(), config), new StringSerializer(),
                        Topics.FRAMES.valueSerde(platform.registry()).serializer()),
                config.maxFrameBytes(), config.jpegQuality(), Clock.systemUTC(), sequenceResume(platform)).start();
    }

    /** Reads the frames topics back (no group; committed records only, as every EdgeScope consumer) for where each stream's numbering stopped. */
    static SequenceResume sequenceResume(Platform platform) {
        Map<String, Object> settings = new HashMap<>(KafkaClientSettings.consumer(platform.bootstrapServers(), platform.config()));
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new SequenceResume(new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer()),
                Topics.FRAMES.valueSerde(platform.registry()).deserializer(), SEQUENCE_LOOKBACK_RECORDS, SEQUENCE_MAX_AGE,
                SEQUENCE_LOOKUP_TIMEOUT, Clock.systemUTC());
    }
}
