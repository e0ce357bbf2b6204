package io.edgescope.cli;

import io.edgescope.app.KafkaClientSettings;
import io.edgescope.app.Platform;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.detect.CocoLabels;
import io.edgescope.registry.SchemaRegistryClients;
import io.edgescope.schemas.VariantInfo;
import io.edgescope.topics.Topics;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import io.edgescope.detect.BgrImage;
import io.edgescope.detect.Detector;
import io.edgescope.detect.DetectorFactory;
import io.edgescope.detect.onnx.OnnxDetectorModel;
import io.edgescope.detect.variants.Variant;
import io.edgescope.detect.variants.VariantFiles;
import io.edgescope.image.ImageCodec;
import io.edgescope.media.FrameSource;
import io.edgescope.media.FrameSources;
import io.edgescope.media.MediaException;
import io.edgescope.stats.LatencyRecorder;
import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The variant catalogue with latency measured on this host. */
@Command(name = "variants", mixinStandardHelpOptions = true,
        description = "List the detector variants with their input size, sha256 and inference latency measured here (median, p99).")
final class VariantsCommand implements Callable<Integer> {

    private static final int WARMUP_RUNS = 5;
    private static final double NANOS_PER_MILLI = 1_000_000.0;
    private static final double MEDIAN = 50;
    private static final double P99 = 99;
    private static final int SHA_SHOWN = 16;
    /** What the sha256 column says for a detector with no model file (HOG's SVM ships inside OpenCV). */
    private static final String BUILT_IN = "opencv-built-in";

    @Mixin
    CommonOptions common;

    @Option(names = "--runs", defaultValue = "30", paramLabel = "N", description = "Timed inferences per variant (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--publish", description = "Also publish the catalogue with these measurements to the edgescope.variants topic.")
    boolean publish;

    @Override
    public Integer call() throws Exception {
        EdgeScopeConfig config = common.config();
        Assets assets = new Assets(common.models());
        BgrImage frame;
        try (FrameSource clip = FrameSources.open(assets.sampleClip().toString(), config.jpegQuality())) {
            frame = new ImageCodec(config.maxDecodedPixels()).decode(clip.next()
                    .orElseThrow(() -> new MediaException("The sample clip has no frames")).image());
        }
        System.out.println("| variant | input | sha256 (first 16) | median ms | p99 ms |");
        System.out.println("|---|---|---|---|---|");
        List<VariantInfo> measured = new ArrayList<>();
        for (Variant variant : Variant.CATALOGUE) {
            LatencyRecorder latency = new LatencyRecorder();
            String sha;
            String fullSha;
            try (DetectorFactory model = assets.loadModel(config, variant); Detector detector = model.newDetector()) {
                fullSha = model instanceof OnnxDetectorModel onnx ? VariantFiles.sha256(Files.readAllBytes(onnx.path())) : BUILT_IN;
                sha = fullSha.substring(0, Math.min(SHA_SHOWN, fullSha.length()));
                for (int i = 0; i < WARMUP_RUNS + runs; i++) {
                    long t0 = System.nanoTime();
                    detector.detect(frame);
                    if (i >= WARMUP_RUNS) {
                        latency.record((System.nanoTime() - t0) / NANOS_PER_MILLI);
                    }
                }
            }
            String input = variant.family().runsOnnx() ? variant.inputSize() + "x" + variant.inputSize() : variant.inputSize() + " wide";
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f |%n", variant.id(), input, sha, latency.percentile(MEDIAN),
                    latency.percentile(P99));
            measured.add(VariantInfo.newBuilder().setVariantId(variant.id()).setInputSize(variant.inputSize())
                    .setClasses(CocoLabels.names().size()).setSha256(fullSha)
                    .setLatencyMedianMillis((float) latency.percentile(MEDIAN)).setLatencyP99Millis((float) latency.percentile(P99))
                    .setHost(InetAddress.getLocalHost().getHostName()).setMeasuredAt(Instant.now()).build());
        }
        if (publish) {
            EdgeScopeConfig client = common.clientConfig();
            Platform.checkReachable(client.bootstrapServers());
            try (KafkaProducer<String, VariantInfo> producer = new KafkaProducer<>(
                    KafkaClientSettings.producer(client.bootstrapServers(), client), new StringSerializer(),
                    Topics.VARIANTS.valueSerde(SchemaRegistryClients.forUrl(client.schemaRegistryUrl())).serializer())) {
                for (VariantInfo info : measured) {
                    producer.send(new ProducerRecord<>(Topics.VARIANTS.name(), info.getVariantId(), info)).get();
                }
            }
            System.out.printf("Published %d variants to %s%n", measured.size(), Topics.VARIANTS.name());
        }
        return 0;
    }
}
