package io.edgescope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.edgescope.app.VariantPool;
import io.edgescope.bench.split.KafkaSplitPath;
import io.edgescope.bench.split.ScissionBenchmark;
import io.edgescope.bench.split.SplitBenchmark;
import io.edgescope.split.EmulatedDevice;
import io.edgescope.split.EmulatedDeviceModel;
import io.edgescope.bench.split.TransferLayerEvaluation;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.detect.BgrImage;
import io.edgescope.image.ImageCodec;
import io.edgescope.media.EncodedFrame;
import io.edgescope.media.FrameSource;
import io.edgescope.media.FrameSources;
import io.edgescope.split.SplitPlanner;
import io.edgescope.split.TierProfile;
import io.edgescope.split.TransferLayers;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench split}: measured vs predicted latency of the best placements at each bandwidth. */
@Command(name = "split", mixinStandardHelpOptions = true,
        description = "Benchmark both tiers here, then at each bandwidth run device-only, edge-only, the best Scission split and the best "
                + "ScissionLite split on real frames over an emulated link and print measured latency beside the planner's prediction.")
final class BenchSplitCommand implements Callable<Integer> {

    private static final double KB = 1000.0;
    private static final int RUNS = 3;
    private static final int MAX_TENSORS = 3;

    @Mixin
    CommonOptions common;

    @Option(names = "--bandwidth", split = ",", required = true, paramLabel = "MBPS", description = "Bandwidths to test, Mbit/s.")
    List<Double> bandwidths;

    @Option(names = "--rtt", defaultValue = "5", description = "Round trip per frame, ms (default: ${DEFAULT-VALUE}).")
    double rtt;

    @Option(names = "--device-threads", defaultValue = "1", description = "Device tier's ONNX Runtime threads (default: ${DEFAULT-VALUE}).")
    int deviceThreads;

    @Option(names = "--device-slowdown", defaultValue = "1", description = "Emulate a device this many times slower (default: ${DEFAULT-VALUE}).")
    double slowdown;

    @Option(names = "--edge-threads", defaultValue = "2", description = "Edge tier's ONNX Runtime threads (default: ${DEFAULT-VALUE}).")
    int edgeThreads;

    @Option(names = "--keep-frames-on-device", description = "Raw frames must stay on the device (edge-only still measured, marked excluded).")
    boolean framesStay;

    @Option(names = "--tl", paramLabel = "JSON", description = "Transfer-layer accuracy (scission tl --out): allows lossy layers within the budget, adds AP50.")
    Path layers;

    @Option(names = "--ap-budget", defaultValue = "0.01", description = "Largest AP50 loss of a transfer layer (default: ${DEFAULT-VALUE}).")
    double apBudget;

    @Option(names = "--frames", defaultValue = "20", description = "Frames of the sample clip per placement at most (default: ${DEFAULT-VALUE}).")
    int frames;

    /** Frames each plan sends over the Kafka path (one at a time). */
    private static final int KAFKA_FRAMES = 30;

    @Option(names = "--json", description = "Print a JSON list of rows instead of the table.")
    boolean json;

    @Option(names = "--kafka", description = "Also run each split plan on the real path (device processor with its uplink emulated on its "
            + "producer and the device's slowdown, broker, edge processor) and report its latency (kafka_ms), after measuring the Kafka hop itself (no emulated link) "
            + "and setting the planner plus that hop beside it (kafka_predicted_ms).")
    boolean kafka;

    @Override
    public Integer call() throws Exception {
        EdgeScopeConfig config = common.config();
        Assets assets = new Assets(common.models());
        byte[] onnx = ScissionCommand.model(assets, config);
        int size = config.variant().inputSize();
        List<BgrImage> clip = new ArrayList<>();
        ImageCodec codec = new ImageCodec(config.maxDecodedPixels());
        try (FrameSource source = FrameSources.open(assets.sampleClip().toString(), config.jpegQuality())) {
            for (Optional<EncodedFrame> f = source.next(); f.isPresent() && clip.size() < frames; f = source.next()) {
                clip.add(codec.decode(f.get().image()));
            }
        }
        String host = InetAddress.getLocalHost().getHostName();
        TierProfile device = ScissionBenchmark.measure(new ScissionBenchmark.Options("device", host, deviceThreads, slowdown, RUNS, MAX_TENSORS,
                TransferLayers.ids()), onnx, config.variant().id(), size, clip.get(0), System.err::println);
        TierProfile edge = ScissionBenchmark.measure(new ScissionBenchmark.Options("edge", host, edgeThreads, 1, RUNS, MAX_TENSORS,
                TransferLayers.ids()), onnx, config.variant().id(), size, clip.get(0), System.err::println);
        TransferLayerEvaluation.Result table = layers == null ? null : TransferLayerEvaluation.Result.read(layers);
        Map<String, Map<String, Double>> losses = table == null ? Map.of() : table.losses();
        List<SplitBenchmark.Row> rows = SplitBenchmark.run(onnx, size, clip, device, edge, bandwidths, rtt,
                new SplitPlanner.Constraints(0, framesStay, losses, apBudget), p -> table == null ? Double.NaN : table.ap50(p), System.err::println);
        KafkaPath overKafka = kafka ? overKafka(rows, SplitPlanner.plans(device, edge, new SplitPlanner.Link(bandwidths.get(0), rtt),
                new SplitPlanner.Constraints(0, false, Map.of(), apBudget)), onnx, config, assets) : new KafkaPath(SplitPlanner.BrokerHop.NONE, Map.of());
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode out = mapper.createArrayNode();
            rows.forEach(r -> out.addObject().put("bandwidth_mbps", r.bandwidthMbps()).put("plan", r.plan()).put("measured_ms", r.measuredMillis())
                    .put("predicted_ms", r.predictedMillis()).put("bytes_per_frame", r.bytesPerFrame())
                    .put("ap50", Double.isNaN(r.ap50()) ? null : r.ap50()).put("throughput_fps", r.throughputFps())
                    .put("kafka_ms", overKafka.measured().get(r)).put("kafka_predicted_ms", overKafka.predicted(r, rtt)));
            System.out.println(out.toPrettyString());
            return 0;
        }
        System.out.printf(Locale.ROOT, "Device: %d thread(s)%s, whole detector %.1f ms; edge: %d threads, %.1f ms; rtt %.0f ms%s.%n%n"
                + "| Mbit/s | plan | KB per frame | predicted ms | measured ms | error | throughput fps (pipelined) | AP50 | Kafka path ms "
                + "| predicted + hop ms | error |%n"
                + "|---|---|---|---|---|---|---|---|---|---|---|%n", deviceThreads,
                slowdown == 1 ? "" : String.format(Locale.ROOT, " x%.1f slower (emulated)", slowdown), device.fullMillis(), edgeThreads,
                edge.fullMillis(), rtt, framesStay ? "; raw frames must stay on the device" : "");
        for (SplitBenchmark.Row r : rows) {
            Double kafkaMs = overKafka.measured().get(r);
            Double kafkaPredicted = overKafka.predicted(r, rtt);
            System.out.printf(Locale.ROOT, "| %.0f | %s | %.1f | %.1f | %.1f | %+.0f%% | %.1f | %s | %s | %s | %s |%n", r.bandwidthMbps(), r.plan(),
                    r.bytesPerFrame() / KB, r.predictedMillis(), r.measuredMillis(), 100 * (r.predictedMillis() / r.measuredMillis() - 1),
                    r.throughputFps(),
                    Double.isNaN(r.ap50()) ? "-" : String.format(Locale.ROOT, "%.4f", r.ap50()),
                    kafkaMs == null ? "-" : String.format(Locale.ROOT, "%.1f", kafkaMs),
                    kafkaPredicted == null ? "-" : String.format(Locale.ROOT, "%.1f", kafkaPredicted),
                    kafkaPredicted == null ? "-" : String.format(Locale.ROOT, "%+.0f%%", 100 * (kafkaPredicted / kafkaMs - 1)));
        }
        return 0;
    }

    /** The Kafka path: the hop measured without an emulated link, and each split row's latency on it with its link emulated. */
    private record KafkaPath(SplitPlanner.BrokerHop hop, Map<SplitBenchmark.Row, Double> measured) {
        /**
         * The planner's prediction of a split row with the hop (its link's time is what the commit wait overlaps with); null for
         * rows not run over Kafka and for device-only, which sends no activation.
         */
        Double predicted(SplitBenchmark.Row r, double rttMillis) {
            if (!measured.containsKey(r) || r.plan().equals(SplitPlanner.DEVICE_ONLY)) {
                return null;
            }
            double link = new SplitPlanner.Link(r.bandwidthMbps(), rttMillis).transferMillis(r.bytesPerFrame());
            return r.predictedMillis() + hop.millis(r.bytesPerFrame(), link, true);
        }
    }

    /**
     * First the hop itself: the split plans sending the fewest and the most bytes (whether the constraints allow them or not, within
     * max.frame.bytes), run
     * over Kafka with no emulated link; what each took beyond its predicted device and edge compute, through a line, less half the
     * device's commit interval, gives the planner's broker term. Then each split row again on the real path, with the row's link
     * emulated on the device's producer, to check the planner plus that term against it.
     */
    private KafkaPath overKafka(List<SplitBenchmark.Row> rows, List<SplitPlanner.Plan> plans, byte[] onnx, EdgeScopeConfig config, Assets assets)
            throws Exception {
        List<EncodedFrame> encoded = new ArrayList<>();
        try (FrameSource source = FrameSources.open(assets.sampleClip().toString(), config.jpegQuality())) {
            for (Optional<EncodedFrame> f = source.next(); f.isPresent() && encoded.size() < KAFKA_FRAMES; f = source.next()) {
                encoded.add(f.get());
            }
        }
        List<SplitPlanner.Plan> splits = plans.stream()
                .filter(p -> p.id().startsWith(SplitPlanner.SCISSION) && p.bytesSent() <= config.maxFrameBytes()).toList();
        if (splits.isEmpty()) {
            return new KafkaPath(SplitPlanner.BrokerHop.NONE, Map.of());
        }
        SplitPlanner.Plan small = splits.stream().min(java.util.Comparator.comparingLong(SplitPlanner.Plan::bytesSent)).orElseThrow();
        SplitPlanner.Plan large = splits.stream().max(java.util.Comparator.comparingLong(SplitPlanner.Plan::bytesSent)).orElseThrow();
        double smallHop = hopMillis(small, onnx, config, assets, encoded);
        double largeHop = hopMillis(large, onnx, config, assets, encoded);
        SplitPlanner.BrokerHop hop = SplitPlanner.BrokerHop.fit(config.deviceCommitIntervalMs(), small.bytesSent(), smallHop, large.bytesSent(),
                largeHop);
        System.err.printf(Locale.ROOT, "Kafka hop without a link: %.1f ms at %.1f KB, %.1f ms at %.1f KB -> half the %d-ms commit interval + "
                        + "%.1f ms + %.1f ms per MB%n", smallHop, small.bytesSent() / KB, largeHop, large.bytesSent() / KB,
                config.deviceCommitIntervalMs(), hop.fixedMillis(), hop.millisPerMegabyte());
        Map<SplitBenchmark.Row, Double> out = new java.util.LinkedHashMap<>();
        for (SplitBenchmark.Row r : rows) {
            if (r.plan().startsWith(SplitPlanner.SCISSION)) {
                System.err.printf(Locale.ROOT, "%.0f Mbit/s: %s over Kafka%n", r.bandwidthMbps(), r.plan());
                out.put(r, KafkaSplitPath.measure(r.plan(), Optional.of(new SplitPlanner.Link(r.bandwidthMbps(), rtt)), slowdown, onnx, config,
                        () -> assets.variantPool(config), encoded).latencyMillis());
            }
        }
        List<SplitBenchmark.Row> deviceOnly = rows.stream().filter(r -> r.plan().equals(SplitPlanner.DEVICE_ONLY)).toList();
        if (!deviceOnly.isEmpty()) {
            System.err.println("device-only over Kafka (the whole detector on the emulated device, its detections published)");
            EmulatedDevice emulated = new EmulatedDevice(slowdown);
                    KafkaSplitPath.Timing t = KafkaSplitPath.measureDeviceOnly(config, () -> new VariantPool(
                    v -> new EmulatedDeviceModel(assets.loadModel(config, v), emulated), config.variant(), 1), encoded);
            System.err.printf(Locale.ROOT, "  %.1f ms capture to detections: computing %.1f ms, through Kafka to the device %.1f ms%n",
                    t.latencyMillis(), t.computeMillis(), t.transportMillis());
            deviceOnly.forEach(r -> out.put(r, t.latencyMillis()));
        }
        return new KafkaPath(hop, out);
    }

    /** What the Kafka hop added to {@code plan}: its latency over Kafka with no emulated link less its predicted compute. */
    private double hopMillis(SplitPlanner.Plan plan, byte[] onnx, EdgeScopeConfig config, Assets assets, List<EncodedFrame> encoded)
            throws Exception {
        System.err.printf(Locale.ROOT, "%s over Kafka, no emulated link (the hop)%n", plan.id());
        KafkaSplitPath.Timing t = KafkaSplitPath.measure(plan.id(), Optional.empty(), slowdown, onnx, config, () -> assets.variantPool(config),
                encoded);
        double predicted = plan.deviceMillis() + plan.edgeMillis();
        System.err.printf(Locale.ROOT, "  %.1f ms capture to detections: device and edge computing %.1f ms (predicted from the tight loop %.1f ms), "
                + "through Kafka %.1f ms (the frame to the device %.1f ms, the activation to the edge %.1f ms)%n", t.latencyMillis(),
                t.computeMillis(), predicted, t.transportMillis(), t.frameWaitMillis(), t.activationWaitMillis());
        return t.latencyMillis() - predicted;
    }
}
