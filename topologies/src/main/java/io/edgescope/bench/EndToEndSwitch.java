package io.edgescope.bench;

import io.edgescope.app.DetectionService;
import io.edgescope.app.KafkaClientSettings;
import io.edgescope.app.Platform;
import io.edgescope.app.VariantPool;
import io.edgescope.detect.DetectorFactory;
import io.edgescope.detect.variants.Variant;
import io.edgescope.ingest.FrameRecords;
import io.edgescope.media.EncodedFrame;
import io.edgescope.schemas.Detections;
import io.edgescope.schemas.Frame;
import io.edgescope.schemas.StreamProfile;
import io.edgescope.schemas.VariantPolicy;
import io.edgescope.stats.LatencyRecorder;
import io.edgescope.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Switches a live stream's variant through Kafka: a camera sends frames at {@code fps}, a profile
 * record names the other variant, and the switch time runs from writing that record to the end of
 * processing of the first frame the new variant ran on. Resident: both variants loaded beforehand;
 * otherwise only one fits, so each switch loads the target in the background while the stream keeps
 * its variant. Frames lost = sequence gaps in the output.
 */
public final class EndToEndSwitch {

    private static final double P50 = 50;
    private static final double MILLIS_PER_SECOND = 1000.0;
    private static final Duration POLL = Duration.ofMillis(50);
    private static final long SWITCH_TIMEOUT_MS = 60_000;

    /** Median switch time and frames lost over all switches. */
    public record Result(double switchMillis, long framesLost, int switches) {
    }

    private EndToEndSwitch() {
    }

    public static Result run(Platform platform, Function<Variant, DetectorFactory> loader, Variant from, Variant to, boolean resident,
                             List<EncodedFrame> frames, double fps, int switches) throws InterruptedException, ExecutionException {
        String stream = "switch-" + System.nanoTime();
        VariantPool pool = new VariantPool(loader, from, resident ? 2 : 1);
        LatencyRecorder switchTimes = new LatencyRecorder();
        List<Long> sequences = new ArrayList<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        try (DetectionService service = DetectionService.start(platform, pool);
             KafkaProducer<String, Frame> frameProducer = new KafkaProducer<>(KafkaClientSettings.producer(platform.bootstrapServers(),
                     platform.config()), new StringSerializer(), Topics.FRAMES.valueSerde(platform.registry()).serializer());
             KafkaProducer<String, StreamProfile> profileProducer = new KafkaProducer<>(KafkaClientSettings.producer(
                     platform.bootstrapServers(), platform.config()), new StringSerializer(),
                     Topics.STREAM_PROFILES.valueSerde(platform.registry()).serializer());
             KafkaConsumer<String, Detections> consumer = new KafkaConsumer<>(KafkaClientSettings.consumer(platform.bootstrapServers(),
                     platform.config()), new StringDeserializer(), Topics.DETECTIONS.valueSerde(platform.registry()).deserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(Topics.DETECTIONS.name())) {
                partitions.add(new TopicPartition(p.topic(), p.partition()));
            }
            if (resident) {
                pool.prepare(to.id());
                long deadline = System.currentTimeMillis() + SWITCH_TIMEOUT_MS;
                while (!pool.residentIds().contains(to.id()) && System.currentTimeMillis() < deadline) {
                    Thread.sleep(POLL.toMillis());
                }
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            Thread camera = new Thread(() -> {
                long period = (long) (MILLIS_PER_SECOND / fps);
                for (long seq = 0; sending.get(); seq++) {
                    EncodedFrame f = frames.get((int) (seq % frames.size()));
                    frameProducer.send(new ProducerRecord<>(Topics.FRAMES.name(), stream, FrameRecords.of(stream, seq, Instant.now(), f, "bench")));
                    try {
                        Thread.sleep(period);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-camera");
            camera.start();
            try {
                awaitVariant(consumer, stream, from.id(), sequences);
                Variant current = from;
                for (int i = 0; i < switches; i++) {
                    Variant target = current == from ? to : from;
                    long written = System.currentTimeMillis();
                    profileProducer.send(new ProducerRecord<>(Topics.STREAM_PROFILES.name(), stream, StreamProfile.newBuilder()
                            .setStreamId(stream).setPolicy(VariantPolicy.FIXED).setVariantId(target.id())
                            .setUpdatedAt(Instant.ofEpochMilli(written)).build())).get();
                    Detections first = awaitVariant(consumer, stream, target.id(), sequences);
                    switchTimes.record(first.getCaptureTime().toEpochMilli() + (double) first.getLatencyMillis() - written);
                    current = target;
                }
            } finally {
                sending.set(false);
                camera.interrupt();
                camera.join();
            }
        }
        long lost = 0;
        for (int i = 1; i < sequences.size(); i++) {
            lost += Math.max(0, sequences.get(i) - sequences.get(i - 1) - 1);
        }
        return new Result(switchTimes.percentile(P50), lost, switchTimes.count());
    }

    private static Detections awaitVariant(KafkaConsumer<String, Detections> consumer, String stream, String variant, List<Long> sequences) {
        long deadline = System.currentTimeMillis() + SWITCH_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            Detections first = null;
            for (ConsumerRecord<String, Detections> r : consumer.poll(POLL)) {
                if (stream.equals(r.key())) {
                    sequences.add(r.value().getSequence());
                    if (first == null && r.value().getVariantId().equals(variant)) {
                        first = r.value();
                    }
                }
            }
            if (first != null) {
                return first;
            }
        }
        throw new IllegalStateException("No detections from " + variant + " within " + SWITCH_TIMEOUT_MS / 1000 + " s");
    }
}
