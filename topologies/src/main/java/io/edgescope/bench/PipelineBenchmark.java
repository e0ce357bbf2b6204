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
 * Measures, in one run on the same frames and detector threads, interleaved: bare inference throughput (decode + detect in a
 * loop, no Kafka) and end-to-end pipeline throughput through the broker (frames produced as fast as possible, detections
 * consumed), with per-stage latencies and process RSS.
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

    /**
     * The figures of one run: {@code bare} has one phase more than {@code pipeline} (bare, pipeline, bare, ..., bare), so each
     * pipeline phase sits between two bare ones. {@code commitMillisPerFrame}: the stream threads' wait for commits (flush, and
     * exactly-once the offsets and the transaction) over the pipeline phases, per frame.
     */
    public record Result(int frames, List<Phase> bare, List<Phase> pipeline, double commitMillisPerFrame, double rssMib, StageTable stages) {
        public Result {
            bare = List.copyOf(bare);
            pipeline = List.copyOf(pipeline);
        }

        /** Bare fps over all bare phases (total frames over total time). */
        public double bareFps() {
            return Phase.overall(bare);
        }

        /** Pipeline fps over all pipeline phases. */
        public double pipelineFps() {
            return Phase.overall(pipeline);
        }

        public double ratio() {
            return pipelineFps() / bareFps();
        }

        /** Each round's ratio: its pipeline fps over the mean of the bare phases before and after it. */
        public List<Double> roundRatios() {
            List<Double> out = new ArrayList<>();
            for (int r = 0; r < pipeline.size(); r++) {
                out.add(pipeline.get(r).fps() / ((bare.get(r).fps() + bare.get(r + 1).fps()) / 2));
            }
            return out;
        }

        public double bareCpuMillisPerFrame() {
            return Phase.cpuPerFrame(bare);
        }

        public double pipelineCpuMillisPerFrame() {
            return Phase.cpuPerFrame(pipeline);
        }
    }

    /** One timed phase: frames, wall time and process CPU time (all threads, broker included). */
    public record Phase(int frames, long wallNanos, long cpuNanos) {
        public double fps() {
            return frames * MILLIS_PER_SECOND * NANOS_PER_MILLI / wallNanos;
        }

        static double overall(List<Phase> phases) {
            return phases.stream().mapToInt(Phase::frames).sum() * MILLIS_PER_SECOND * NANOS_PER_MILLI
                    / phases.stream().mapToLong(Phase::wallNanos).sum();
        }

        static double cpuPerFrame(List<Phase> phases) {
            return phases.stream().mapToLong(Phase::cpuNanos).sum() / NANOS_PER_MILLI / phases.stream().mapToInt(Phase::frames).sum();
        }
    }

    private PipelineBenchmark() {
    }

    /**
     * Runs {@code rounds} rounds of bare then pipeline, and a last bare phase, so every pipeline phase is compared with the bare
     * phases on either side of it and a drift of host speed affects both sides alike; {@code model} is handed to the pipeline
     * and closed with it.
     */
    public static Result run(List<EncodedFrame> frames, DetectorFactory model, Platform platform, long maxDecodedPixels, int rounds)
            throws InterruptedException {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, not " + rounds);
        }
        StageTable stages = new StageTable();
        ImageCodec codec = new ImageCodec(maxDecodedPixels);
        serde(frames, platform, stages);
        List<Phase> bare = new ArrayList<>();
        List<Phase> pipeline = new ArrayList<>();
        double commitMillis = 0;
        List<Detector> detectors = warmDetectors(frames, model, codec, platform.config().numStreamThreads());
        VariantPool pool = new VariantPool(v -> model, Variant.byId(model.variantId()).orElseThrow(), 1);
        try (DetectionService service = DetectionService.start(platform, pool);
             KafkaConsumer<String, Detections> consumer = new KafkaConsumer<>(
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
            String stream = "bench-" + System.nanoTime() + "-";
            // warm-up: one untimed pass over all the frames, as the Kafka paths take longer to compile than the detector's
            await(consumer, producer, stream, frames, new StageTable());
            for (int r = 0; r < rounds; r++) {
                bare.add(bare(frames, detectors, codec, r == 0 ? stages : new StageTable()));
                double commitsBefore = service.commitMillisTotal();
                pipeline.add(pipeline(consumer, producer, stream, frames, r == 0 ? stages : new StageTable()));
                commitMillis += service.commitMillisTotal() - commitsBefore;
            }
            bare.add(bare(frames, detectors, codec, new StageTable()));
        } finally {
            detectors.forEach(Detector::close);
        }
        return new Result(frames.size(), bare, pipeline, commitMillis / (rounds * (double) frames.size()), ProcessMemory.rssMib(), stages);
    }

    /** One detector per worker, as the stream threads have, each warmed up on the first frames. */
    private static List<Detector> warmDetectors(List<EncodedFrame> frames, DetectorFactory model, ImageCodec codec, int workers) {
        List<Detector> detectors = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Detector detector = model.newDetector();
            for (int i = 0; i < Math.min(WARMUP_FRAMES, frames.size()); i++) {
                detector.detect(codec.decode(frames.get(i).image()));
            }
            detectors.add(detector);
        }
        return detectors;
    }

    /** Decode + detect over all frames, one thread per detector, as the stream threads do. */
    private static Phase bare(List<EncodedFrame> frames, List<Detector> detectors, ImageCodec codec, StageTable stages)
            throws InterruptedException {
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
        return new Phase(frames.size(), System.nanoTime() - start, ProcessMemory.cpuNanos() - cpuStart);
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

    /** Sends the frames through the pipeline as fast as possible, timed from the first send to the last detections received. */
    private static Phase pipeline(KafkaConsumer<String, Detections> consumer, KafkaProducer<String, Frame> producer, String stream,
                                  List<EncodedFrame> frames, StageTable stages) {
        long cpuStart = ProcessMemory.cpuNanos();
        long start = System.nanoTime();
        long last = await(consumer, producer, stream, frames, stages);
        return new Phase(frames.size(), last - start, ProcessMemory.cpuNanos() - cpuStart);
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
