package io.edgescope.bench;

import io.edgescope.app.DetectionService;
import io.edgescope.app.VariantPool;
import io.edgescope.detect.variants.Variant;
import io.edgescope.app.KafkaClientSettings;
import io.edgescope.app.Platform;
import io.edgescope.detect.BgrImage;
import io.edgescope.detect.DetectionResult;
import io.edgescope.detect.Detector;
import io.edgescope.detect.DetectorFactory;
import io.edgescope.image.ImageCodec;
import io.edgescope.ingest.FrameRecords;
import io.edgescope.media.EncodedFrame;
import io.edgescope.schemas.Detections;
import io.edgescope.schemas.Frame;
import io.edgescope.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Measures, in one run on the same frames and detector threads: bare inference throughput (decode +
 * detect in a loop, no Kafka), then end-to-end pipeline throughput through the broker (frames
 * produced as fast as possible, detections consumed), with per-stage latencies and process RSS.
 */
public final class PipelineBenchmark {

    public static final String DECODE = "decode";
    public static final String PREPROCESS = "preprocess";
    public static final String INFERENCE = "inference";
    public static final String POSTPROCESS = "postprocess";
    public static final String SERDE = "serde (frame ser+de)";
    public static final String PROCESSOR = "detect processor (total)";
    public static final String BROKER = "broker + queueing";
    public static final String END_TO_END = "end-to-end";

    /** Frames run before timing, on both sides: enough for the JIT to compile the Kafka client and broker paths. */
    private static final int WARMUP_FRAMES = 100;
    /** Frames are spread over this many stream ids, so they spread over partitions and stream threads. */
    private static final int STREAM_KEYS = 8;
    private static final double NANOS_PER_MILLI = 1_000_000.0;
    private static final double MILLIS_PER_SECOND = 1000.0;
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long TIMEOUT_MS = 600_000;

    /** The figures of one run. */
    /**
     * @param bareCpuMillisPerFrame process CPU time per frame during the first timed bare run
     * @param pipelineCpuMillisPerFrame process CPU time per frame during the pipeline run (broker included)
     */
    public record Result(int frames, double bareFpsBefore, double bareFpsAfter, double pipelineFps, double rssMib,
                         double bareCpuMillisPerFrame, double pipelineCpuMillisPerFrame, StageTable stages) {
        /** Bare fps as the mean of the runs before and after the pipeline run, so host drift cancels out. */
        public double bareFps() {
            return (bareFpsBefore + bareFpsAfter) / 2;
        }

        public double ratio() {
            return pipelineFps / bareFps();
        }
    }

    /** Throughput and process CPU time per frame of one timed phase. */
    private record Phase(double fps, double cpuMillisPerFrame) {
    }

    private PipelineBenchmark() {
    }

    /**
     * Runs bare, pipeline, bare again (interleaved, so a drift of host speed affects both sides);
     * {@code model} is handed to the pipeline and closed with it.
     */
    public static Result run(List<EncodedFrame> frames, DetectorFactory model, Platform platform, long maxDecodedPixels)
            throws InterruptedException {
        StageTable stages = new StageTable();
        ImageCodec codec = new ImageCodec(maxDecodedPixels);
        int workers = platform.config().numStreamThreads();
        Phase before = bare(frames, model, codec, stages, workers);
        serde(frames, platform, stages);
        Phase pipeline;
        Phase after;
        VariantPool pool = new VariantPool(v -> model, Variant.byId(model.variantId()).orElseThrow(), 1);
        try (DetectionService service = DetectionService.start(platform, pool)) {
            pipeline = pipeline(frames, platform, stages);
            after = bare(frames, model, codec, new StageTable(), workers);
        }
        return new Result(frames.size(), before.fps(), after.fps(), pipeline.fps(), ProcessMemory.rssMib(),
                before.cpuMillisPerFrame(), pipeline.cpuMillisPerFrame(), stages);
    }

    /** Decode + detect over all frames with {@code workers} threads, each with its own detector, as the stream threads do. */
    private static Phase bare(List<EncodedFrame> frames, DetectorFactory model, ImageCodec codec, StageTable stages, int workers)
            throws InterruptedException {
        List<Detector> detectors = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Detector detector = model.newDetector();
            for (int i = 0; i < Math.min(WARMUP_FRAMES, frames.size()); i++) {
                detector.detect(codec.decode(frames.get(i).image()));
            }
            detectors.add(detector);
        }
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        long cpuStart = ProcessMemory.cpuNanos();
        long start = System.nanoTime();
        for (Detector detector : detectors) {
            Thread t = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < frames.size(); i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    BgrImage image = codec.decode(frames.get(i).image());
                    double decode = (System.nanoTime() - t0) / NANOS_PER_MILLI;
                    DetectionResult result = detector.detect(image);
                    synchronized (stages) {
                        stages.record(DECODE, decode);
                        stages.record(PREPROCESS, result.timings().preprocessMillis());
                        stages.record(INFERENCE, result.timings().inferenceMillis());
                        stages.record(POSTPROCESS, result.timings().postprocessMillis());
                    }
                }
            }, "bench-bare-" + threads.size());
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double fps = frames.size() * MILLIS_PER_SECOND * NANOS_PER_MILLI / (System.nanoTime() - start);
        double cpu = (ProcessMemory.cpuNanos() - cpuStart) / NANOS_PER_MILLI / frames.size();
        detectors.forEach(Detector::close);
        return new Phase(fps, cpu);
    }

    private static void serde(List<EncodedFrame> frames, Platform platform, StageTable stages) {
        Serializer<Frame> ser = Topics.FRAMES.valueSerde(platform.registry()).serializer();
        Deserializer<Frame> de = Topics.FRAMES.valueSerde(platform.registry()).deserializer();
        for (EncodedFrame f : frames) {
            Frame record = FrameRecords.of("bench", f.index(), Instant.now(), f, "bench");
            long t0 = System.nanoTime();
            de.deserialize(Topics.FRAMES.name(), ser.serialize(Topics.FRAMES.name(), record));
            stages.record(SERDE, (System.nanoTime() - t0) / NANOS_PER_MILLI);
        }
    }

    private static Phase pipeline(List<EncodedFrame> frames, Platform platform, StageTable stages) {
        String stream = "bench-" + System.nanoTime() + "-";
        try (KafkaConsumer<String, Detections> consumer = new KafkaConsumer<>(
                KafkaClientSettings.consumer(platform.bootstrapServers(), platform.config()), new StringDeserializer(),
                Topics.DETECTIONS.valueSerde(platform.registry()).deserializer());
             KafkaProducer<String, Frame> producer = new KafkaProducer<>(
                     KafkaClientSettings.producer(platform.bootstrapServers(), platform.config()), new StringSerializer(),
                     Topics.FRAMES.valueSerde(platform.registry()).serializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(Topics.DETECTIONS.name())) {
                partitions.add(new TopicPartition(p.topic(), p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            await(consumer, producer, stream, frames.subList(0, Math.min(WARMUP_FRAMES, frames.size())), new StageTable());
            long cpuStart = ProcessMemory.cpuNanos();
            long start = System.nanoTime();
            long last = await(consumer, producer, stream, frames, stages);
            double cpu = (ProcessMemory.cpuNanos() - cpuStart) / NANOS_PER_MILLI / frames.size();
            return new Phase(frames.size() * MILLIS_PER_SECOND * NANOS_PER_MILLI / (last - start), cpu);
        }
    }

    /** Sends {@code frames} as fast as possible and waits for all their detections; returns when the last arrived. */
    private static long await(KafkaConsumer<String, Detections> consumer, KafkaProducer<String, Frame> producer, String stream,
                              List<EncodedFrame> frames, StageTable stages) {
        long sentAfter = System.currentTimeMillis();
        for (EncodedFrame f : frames) {
            String key = stream + (f.index() % STREAM_KEYS);
            producer.send(new ProducerRecord<>(Topics.FRAMES.name(), key, FrameRecords.of(key, f.index(), Instant.now(), f, "bench")));
        }
        producer.flush();
        int received = 0;
        long last = System.nanoTime();
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (received < frames.size() && System.currentTimeMillis() < deadline) {
            for (ConsumerRecord<String, Detections> r : consumer.poll(POLL)) {
                Detections d = r.value();
                if (!r.key().startsWith(stream) || d.getCaptureTime().toEpochMilli() < sentAfter) {
                    continue;
                }
                received++;
                last = System.nanoTime();
                double e2e = System.currentTimeMillis() - d.getCaptureTime().toEpochMilli();
                stages.record(PROCESSOR, d.getProcessingMillis());
                stages.record(BROKER, e2e - d.getProcessingMillis());
                stages.record(END_TO_END, e2e);
            }
        }
        if (received < frames.size()) {
            throw new IllegalStateException("Only " + received + " of " + frames.size() + " detections arrived within "
                    + TimeUnit.MILLISECONDS.toSeconds(TIMEOUT_MS) + " s");
        }
        return last;
    }
}
