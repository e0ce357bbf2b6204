package io.edgescope.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgescope.schemas.CameraSource;
import io.edgescope.schemas.Frame;
import io.edgescope.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

class IngestSupervisorTest {

    private static final TopicPartition PARTITION = new TopicPartition(Topics.SOURCES.name(), 0);
    private static final String UNREACHABLE = "/no/such/camera.mp4";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MockConsumer<String, CameraSource> consumer = new MockConsumer<>("earliest");
    private final MockProducer<String, Frame> producer = new MockProducer<>(true, null, nullSerializer(), nullSerializer());

    @Test
    void shouldNotGrabASourceThatWasAddedAndRemovedBeforeTheSupervisorCaughtUp() throws Exception {
        AtomicReference<Set<String>> grabbingBeforeTombstone = new AtomicReference<>();
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, 2L));
        try (IngestSupervisor supervisor = new IngestSupervisor(consumer, producer, 1 << 20, 90, Clock.systemUTC(), noHistory())) {
            consumer.schedulePollTask(() -> {
                consumer.rebalance(List.of(PARTITION));
                consumer.addRecord(record(0, "gone", source("gone")));
            });
            consumer.schedulePollTask(() -> {
                grabbingBeforeTombstone.set(supervisor.health().keySet());
                consumer.addRecord(record(1, "gone", null));
            });
            consumer.schedulePollTask(() -> consumer.addRecord(record(2, "live", source("live"))));
            supervisor.start();
            await().atMost(WAIT).until(() -> supervisor.health().containsKey("live"));
            assertThat(grabbingBeforeTombstone.get()).isEmpty();
            assertThat(supervisor.health()).containsOnlyKeys("live");
        }
    }

    @Test
    void shouldStartAndStopASourceAsItsRecordsArriveOnceCaughtUp() throws Exception {
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, 0L));
        try (IngestSupervisor supervisor = new IngestSupervisor(consumer, producer, 1 << 20, 90, Clock.systemUTC(), noHistory())) {
            consumer.schedulePollTask(() -> consumer.rebalance(List.of(PARTITION)));
            consumer.schedulePollTask(() -> consumer.addRecord(record(0, "cam", source("cam"))));
            supervisor.start();
            await().atMost(WAIT).until(() -> supervisor.health().containsKey("cam"));
            assertThat(supervisor.health().get("cam").url()).isEqualTo(UNREACHABLE);
            consumer.schedulePollTask(() -> consumer.addRecord(record(1, "cam", null)));
            await().atMost(WAIT).until(() -> supervisor.health().isEmpty());
        }
    }

    @Test
    void shouldGrabACameraEvenWhenItsLastFrameNumberCannotBeLookedUp() throws Exception {
        MockConsumer<String, byte[]> denied = new MockConsumer<>("earliest") {
            @Override
            public synchronized java.util.List<org.apache.kafka.common.PartitionInfo> partitionsFor(String topic, Duration timeout) {
                throw new org.apache.kafka.common.errors.TopicAuthorizationException(Set.of(topic));
            }
        };
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, 0L));
        try (IngestSupervisor supervisor = new IngestSupervisor(consumer, producer, 1 << 20, 90, Clock.systemUTC(),
                new SequenceResume(denied, (topic, data) -> null, 0, Duration.ofMinutes(1), Duration.ofSeconds(1), Clock.systemUTC()))) {
            consumer.schedulePollTask(() -> consumer.rebalance(List.of(PARTITION)));
            consumer.schedulePollTask(() -> consumer.addRecord(record(0, "cam", source("cam"))));
            supervisor.start();
            // past the lookup: the grabber goes on to open the (unreachable) camera and retries it
            await().atMost(WAIT).until(() -> supervisor.health().containsKey("cam")
                    && supervisor.health().get("cam").state() == SourceHealth.State.RECONNECTING);
        }
    }

    private static CameraSource source(String id) {
        return CameraSource.newBuilder().setStreamId(id).setUrl(UNREACHABLE).setUpdatedAt(Instant.EPOCH).build();
    }

    private static ConsumerRecord<String, CameraSource> record(long offset, String key, CameraSource value) {
        return new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset, key, value);
    }

    /** Streams without earlier frames (the mock has no frames topic): numbering from 0. */
    private static SequenceResume noHistory() {
        return new SequenceResume(new MockConsumer<>("earliest"), (topic, data) -> null, 0, Duration.ofMinutes(1), Duration.ofSeconds(1),
                Clock.systemUTC());
    }

    private static <T> Serializer<T> nullSerializer() {
        return (topic, data) -> new byte[0];
    }
}
