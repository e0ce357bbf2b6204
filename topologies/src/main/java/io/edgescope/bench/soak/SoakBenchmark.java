package io.edgescope.bench.soak;

import io.edgescope.app.DetectionService;
import io.edgescope.app.KafkaClientSettings;
import io.edgescope.app.Platform;
import io.edgescope.app.VariantPool;
import io.edgescope.bench.ProcessMemory;
import io.edgescope.ingest.FrameIngestor;
import io.edgescope.media.FrameSources;
import io.edgescope.schemas.Frame;
import io.edgescope.topics.Topics;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole pipeline in this process for a while — broker, registry, detection, and one looping
 * ingest per stream decoding a real video — and samples memory and lag, to show nothing leaks: RSS
 * (native memory included), the live Java heap, the frames waiting, the native arrays the detector holds.
 */
public final class SoakBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(SoakBenchmark.class);
    private static final double MIB = 1024.0 * 1024.0;
    private static final long ADMIN_TIMEOUT_S = 10;
    private static final long JOIN_TIMEOUT_MS = 10_000;
    private static final int NATIVE_ARRAY_READS = 5;
    private static final long NATIVE_ARRAY_READ_GAP_MS = 50;

    /**
     * @param duration how long to run
     * @param streams looping ingests, one stream each
     * @param fpsPerStream each stream's frame rate
     * @param warmup samples before this are left out of the drift
     * @param every sampling period
     */
    public record Options(Duration duration, int streams, double fpsPerStream, Duration warmup, Duration every, String clip) {
    }

    private SoakBenchmark() {
    }

    /** Runs the soak on {@code platform} with {@code pool}'s detector; {@code progress} gets each sample. */
    public static SoakResult run(Platform platform, VariantPool pool, Options options, Consumer<SoakSample> progress) throws Exception {
        List<Thread> ingests = new ArrayList<>();
        List<SoakSample> samples = new ArrayList<>();
        try (DetectionService detection = DetectionService.start(platform, pool);
             Admin admin = Admin.create(KafkaClientSettings.common(platform.bootstrapServers(), platform.config()));
             KafkaProducer<String, Frame> producer = new KafkaProducer<>(KafkaClientSettings.producer(platform.bootstrapServers(), platform.config()),
                     new StringSerializer(), Topics.FRAMES.valueSerde(platform.registry()).serializer())) {
            FrameIngestor ingestor = new FrameIngestor(producer, Clock.systemUTC());
            for (int s = 0; s < options.streams(); s++) {
                String stream = "soak-" + s;
                Thread t = new Thread(() -> ingest(ingestor, stream, options, platform), "soak-ingest-" + s);
                t.setDaemon(true);
                t.start();
                ingests.add(t);
            }
            try {
                sample(platform, pool, admin, options, samples, progress);
            } finally {
                stop(ingests);
            }
        } finally {
            stop(ingests);
        }
        return new SoakResult(options.streams(), options.fpsPerStream(), options.warmup().toSeconds(), samples);
    }

    private static void sample(Platform platform, VariantPool pool, Admin admin, Options options, List<SoakSample> samples,
                               Consumer<SoakSample> progress) throws Exception {
        long start = System.nanoTime();
        long end = start + options.duration().toNanos();
        while (System.nanoTime() < end) {
            Thread.sleep(options.every().toMillis());
            long[] lagAndDone = lag(admin, platform.config().applicationId());
            SoakSample sample = new SoakSample((System.nanoTime() - start) / 1e9, ProcessMemory.rssMib(), heapAfterGcMib(), lagAndDone[0],
                    lagAndDone[1], settledNativeArrays(pool));
            samples.add(sample);
            progress.accept(sample);
        }
    }

    /**
     * The native arrays the detectors hold outside any inference: the fewest of a few reads spaced further apart than one
     * inference. A read during an inference counts that frame's tensors, which are closed a few milliseconds later; a leak
     * stays in every read.
     */
    private static long settledNativeArrays(VariantPool pool) throws InterruptedException {
        long fewest = pool.openNativeArrays();
        for (int i = 1; i < NATIVE_ARRAY_READS; i++) {
            Thread.sleep(NATIVE_ARRAY_READ_GAP_MS);
            fewest = Math.min(fewest, pool.openNativeArrays());
        }
        return fewest;
    }

    /** Interrupts the ingests and waits for them, before their producer closes. */
    private static void stop(List<Thread> ingests) throws InterruptedException {
        ingests.forEach(Thread::interrupt);
        for (Thread t : ingests) {
            t.join(JOIN_TIMEOUT_MS);
        }
    }

    private static void ingest(FrameIngestor ingestor, String stream, Options options, Platform platform) {
        try {
            ingestor.run(() -> FrameSources.open(options.clip(), platform.config().jpegQuality()),
                    new FrameIngestor.Options(stream, options.fpsPerStream(), true, 0, platform.config().maxFrameBytes()), p -> { });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Soak ingest of {} failed: {}", stream, e.getMessage(), e);
        }
    }

    /** Frames not yet committed by the detection group, and frames it has committed, over the frames topic. */
    private static long[] lag(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(ADMIN_TIMEOUT_S, TimeUnit.SECONDS);
        List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.FRAMES.name())).allTopicNames().get(ADMIN_TIMEOUT_S, TimeUnit.SECONDS)
                .get(Topics.FRAMES.name()).partitions().stream().map(p -> new TopicPartition(Topics.FRAMES.name(), p.partition())).toList();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                partitions.stream().collect(java.util.stream.Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all()
                .get(ADMIN_TIMEOUT_S, TimeUnit.SECONDS);
        long lag = 0;
        long done = 0;
        for (TopicPartition p : partitions) {
            OffsetAndMetadata c = committed.get(p);
            long at = c == null ? 0 : c.offset();
            lag += Math.max(0, ends.get(p).offset() - at);
            done += at;
        }
        return new long[] {lag, done};
    }

    /** Java heap in use right after the last collection of each heap pool (live data). */
    private static double heapAfterGcMib() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && afterGc != null) {
                used += afterGc.getUsed();
            }
        }
        return used / MIB;
    }
}
