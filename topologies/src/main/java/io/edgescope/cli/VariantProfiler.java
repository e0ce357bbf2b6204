package io.edgescope.cli;

import io.edgescope.app.KafkaClientSettings;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.detect.BgrImage;
import io.edgescope.detect.CocoLabels;
import io.edgescope.detect.Detector;
import io.edgescope.detect.DetectorFactory;
import io.edgescope.detect.onnx.OnnxDetectorModel;
import io.edgescope.detect.variants.Variant;
import io.edgescope.detect.variants.VariantFiles;
import io.edgescope.roma.AccuracyProfileFiles;
import io.edgescope.roma.VariantAccuracy;
import io.edgescope.schemas.VariantInfo;
import io.edgescope.stats.LatencyRecorder;
import io.edgescope.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Measures every variant's inference latency on this host (one frame of the sample clip) and publishes the catalogue. */
final class VariantProfiler {

    /** What the sha256 field says for a detector with no model file (HOG's SVM ships inside OpenCV). */
    static final String BUILT_IN = "opencv-built-in";
    private static final int WARMUP_RUNS = 5;
    private static final double NANOS_PER_MILLI = 1_000_000.0;
    private static final double MEDIAN = 50;
    private static final double P99 = 99;

    private VariantProfiler() {
    }

    static List<VariantInfo> measure(Assets assets, EdgeScopeConfig config, int runs) throws IOException {
        AccuracyProfileFiles.Loaded accuracy = AccuracyProfileFiles.configured(config.romaProfile());
        BgrImage frame = assets.sampleFrame(config);
        String host = InetAddress.getLocalHost().getHostName();
        List<VariantInfo> measured = new ArrayList<>();
        for (Variant variant : Variant.CATALOGUE) {
            LatencyRecorder latency = new LatencyRecorder();
            String sha;
            try (DetectorFactory model = assets.loadModel(config, variant); Detector detector = model.newDetector()) {
                sha = model instanceof OnnxDetectorModel onnx ? VariantFiles.sha256(Files.readAllBytes(onnx.path())) : BUILT_IN;
                for (int i = 0; i < WARMUP_RUNS + runs; i++) {
                    long t0 = System.nanoTime();
                    detector.detect(frame);
                    if (i >= WARMUP_RUNS) {
                        latency.record((System.nanoTime() - t0) / NANOS_PER_MILLI);
                    }
                }
            }
            VariantInfo.Builder info = VariantInfo.newBuilder().setVariantId(variant.id()).setInputSize(variant.inputSize())
                    .setClasses(CocoLabels.names().size()).setSha256(sha)
                    .setLatencyMedianMillis((float) latency.percentile(MEDIAN)).setLatencyP99Millis((float) latency.percentile(P99))
                    .setHost(host).setMeasuredAt(Instant.now());
            VariantAccuracy a = accuracy.profile().variants().get(variant.id());
            if (a != null) {
                info.setAp50((float) a.ap50()).setSizeEdges(accuracy.profile().buckets().edges().stream().map(Double::floatValue).toList())
                        .setAp50BySize(floats(a.ap50BySize())).setRecallBySize(floats(a.recallBySize()))
                        .setPrecisionBySize(floats(a.precisionBySize())).setAccuracyMeasuredOn(accuracy.measuredOn());
            }
            measured.add(info.build());
        }
        return measured;
    }

    private static List<Float> floats(double[] values) {
        List<Float> out = new ArrayList<>();
        for (double v : values) {
            out.add(Double.isNaN(v) ? null : (float) v);
        }
        return out;
    }

    static void publish(EdgeScopeConfig config, String bootstrapServers, io.edgescope.registry.SchemaRegistryClient registry, List<VariantInfo> catalogue) {
        try (KafkaProducer<String, VariantInfo> producer = new KafkaProducer<>(KafkaClientSettings.producer(bootstrapServers, config),
                new StringSerializer(), Topics.VARIANTS.valueSerde(registry).serializer())) {
            for (VariantInfo info : catalogue) {
                producer.send(new ProducerRecord<>(Topics.VARIANTS.name(), info.getVariantId(), info)).get();
            }
        } catch (ExecutionException e) {
            throw new UncheckedIOException(new IOException("Could not publish the variant catalogue: " + e.getCause().getMessage(), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("Interrupted publishing the variant catalogue", e));
        }
    }
}
