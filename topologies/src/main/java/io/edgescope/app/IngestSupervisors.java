package io.edgescope.app;

import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.ingest.IngestSupervisor;
import io.edgescope.topics.Topics;
import java.time.Clock;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Starts an ingest supervisor on a platform's cluster and registry. */
public final class IngestSupervisors {

    private IngestSupervisors() {
    }

    public static IngestSupervisor start(Platform platform) {
        EdgeScopeConfig config = platform.config();
        return new IngestSupervisor(new KafkaConsumer<>(KafkaClientSettings.consumer(platform.bootstrapServers(), config), new StringDeserializer(),
                Topics.SOURCES.valueSerde(platform.registry()).deserializer()),
                new KafkaProducer<>(KafkaClientSettings.producer(platform.bootstrapServers(), config), new StringSerializer(),
                        Topics.FRAMES.valueSerde(platform.registry()).serializer()),
                config.maxFrameBytes(), config.jpegQuality(), Clock.systemUTC()).start();
    }
}
