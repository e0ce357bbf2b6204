package io.edgescope.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgescope.app.KafkaTestCluster;
import io.edgescope.media.EncodedFrame;
import io.edgescope.schemas.Frame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Where a stream's frame numbering goes on, read back from a real broker's frames topic. */
class SequenceResumeIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final byte[] NOT_A_FRAME = {0, 1, 2, 3};
    private static KafkaTestCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = KafkaTestCluster.start();
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    @Test
    void shouldNumberOnFromTheStreamsLastFrameAmongOtherStreamsAndBadRecords() throws Exception {
        String topic = topic("resume-mixed", 1);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < 200; i++) {
                send(producer, topic, "b", frame("b", i));
                if (i < 100) {
                    send(producer, topic, "a", frame("a", i));
                }
            }
            send(producer, topic, "a", NOT_A_FRAME);
        }
        try (SequenceResume resume = resume(4096)) {
            assertThat(resume.next(topic, "a")).isEqualTo(100);
            assertThat(resume.next(topic, "b")).isEqualTo(200);
            assertThat(resume.next(topic, "new-camera")).isZero();
        }
    }

    @Test
    void shouldStartFromZeroWhenTheStreamsLastFrameIsFurtherBackThanTheBound() throws Exception {
        String topic = topic("resume-far", 1);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, topic, "old", frame("old", 41));
            for (int i = 0; i < 3 * SequenceResume.CHUNK; i++) {
                send(producer, topic, "busy", frame("busy", i));
            }
        }
        try (SequenceResume near = resume(SequenceResume.CHUNK); SequenceResume far = resume(4 * SequenceResume.CHUNK)) {
            assertThat(near.next(topic, "old")).isZero();
            assertThat(far.next(topic, "old")).isEqualTo(42);
        }
    }

    @Test
    void shouldStartFromZeroWhenTheStreamsLastFrameIsOlderThanTheAgeBound() throws Exception {
        String topic = topic("resume-old", 1);
        long tenMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(10).toMillis();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, null, tenMinutesAgo, "paused", frame("paused", 9))).get();
            send(producer, topic, "live", frame("live", 3));
        }
        try (SequenceResume fiveMinutes = resume(4096, Duration.ofMinutes(5)); SequenceResume oneHour = resume(4096, Duration.ofHours(1))) {
            assertThat(fiveMinutes.next(topic, "paused")).isZero();
            assertThat(fiveMinutes.next(topic, "live")).isEqualTo(4);
            assertThat(oneHour.next(topic, "paused")).isEqualTo(10);
        }
    }

    @Test
    void shouldLookInThePartitionTheProducerPutTheStreamIn() throws Exception {
        String topic = topic("resume-partitions", 3);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (String stream : List.of("cam-1", "cam-2", "cam-3", "cam-4", "cam-5")) {
                RecordMetadata m = send(producer, topic, stream, frame(stream, 7));
                assertThat(SequenceResume.partitionOf(stream, 3)).as(stream).isEqualTo(m.partition());
            }
        }
        try (SequenceResume resume = resume(4096)) {
            assertThat(resume.next(topic, "cam-4")).isEqualTo(8);
        }
    }

    private static String topic(String name, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        }
        return name;
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()), new StringSerializer(),
                new ByteArraySerializer());
    }

    private static RecordMetadata send(KafkaProducer<String, byte[]> producer, String topic, String key, byte[] value) throws Exception {
        return producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    private static SequenceResume resume(long lookback) {
        return resume(lookback, Duration.ofHours(1));
    }

    private static SequenceResume resume(long lookback, Duration maxAge) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer());
        Deserializer<Frame> frames = (topic, data) -> {
            try {
                return Frame.fromByteBuffer(ByteBuffer.wrap(data));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        return new SequenceResume(consumer, frames, lookback, maxAge, TIMEOUT, Clock.systemUTC());
    }

    private static byte[] frame(String stream, long sequence) {
        try {
            ByteBuffer b = FrameRecords.of(stream, sequence, Instant.EPOCH, new EncodedFrame(sequence, new byte[] {1}, EncodedFrame.JPEG, 1, 1), "test")
                    .toByteBuffer();
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
