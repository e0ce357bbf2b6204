package io.edgescope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.edgescope.bench.split.ScissionBenchmark;
import io.edgescope.bench.split.TierProfiles;
import io.edgescope.bench.split.TransferLayerEvaluation;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.detect.DetectorFactory;
import io.edgescope.detect.onnx.ModelFamily;
import io.edgescope.detect.variants.Variant;
import io.edgescope.eval.MotSequence;
import io.edgescope.split.CutPoint;
import io.edgescope.split.GraphPartitioner;
import io.edgescope.split.OnnxGraph;
import io.edgescope.split.SplitPlanner;
import io.edgescope.split.TierProfile;
import io.edgescope.split.TransferLayers;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scission cuts|benchmark|tl|plan}: split inference between a device and the edge (Scission, ScissionLite). */
@Command(name = "scission", mixinStandardHelpOptions = true,
        description = "Split the detector between a device and the edge: cut points, per-tier benchmark, transfer-layer accuracy, planning.",
        subcommands = {ScissionCommand.Cuts.class, ScissionCommand.Benchmark.class, ScissionCommand.Layers.class, ScissionCommand.Plan.class})
final class ScissionCommand {

    private static final double PERCENT = 100;
    private static final double KB = 1000.0;

    /** The configured variant's ONNX bytes (a YOLOX size). */
    static byte[] model(Assets assets, EdgeScopeConfig config) throws java.io.IOException {
        Variant v = config.variant();
        if (v.family() != ModelFamily.YOLOX) {
            throw new IllegalArgumentException("Split inference is built for the YOLOX-Nano variants, not " + v.id());
        }
        return Files.readAllBytes(assets.modelFile(config, v));
    }

    /** Where the detector can be cut. */
    @Command(name = "cuts", mixinStandardHelpOptions = true, description = "List the valid cut points of the detector (graph order).")
    static final class Cuts implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--max-tensors", defaultValue = "3", description = "Most tensors a cut may carry (default: ${DEFAULT-VALUE}).")
        int maxTensors;

        @Override
        public Integer call() throws Exception {
            EdgeScopeConfig config = common.config();
            OnnxGraph graph = OnnxGraph.parse(model(new Assets(common.models()), config));
            System.out.println("| cut (after node) | node # | share of nodes in head | tensors crossing |");
            System.out.println("|---|---|---|---|");
            for (CutPoint c : GraphPartitioner.cutPoints(graph, maxTensors)) {
                System.out.printf(Locale.ROOT, "| %s | %d | %.0f%% | %s |%n", c.id(), c.afterNode(), PERCENT * c.headShare(), String.join(", ", c.tensors()));
            }
            return 0;
        }
    }

    /** Scission's benchmark on this host for one tier. */
    @Command(name = "benchmark", mixinStandardHelpOptions = true,
            description = "Time the whole detector and every cut's head and tail on this host, and every transfer layer's bytes and cost; "
                    + "write the tier's JSON profile.")
    static final class Benchmark implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--tier", required = true, description = "Tier name, e.g. device or edge.")
        String tier;

        @Option(names = "--threads", defaultValue = "2", description = "ONNX Runtime threads (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--slowdown", defaultValue = "1", description = "Multiply times by this (a slower device emulated here; default: ${DEFAULT-VALUE}).")
        double slowdown;

        @Option(names = "--runs", defaultValue = "5", description = "Timed runs per measurement (default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--max-tensors", defaultValue = "3", description = "Most tensors a cut may carry (default: ${DEFAULT-VALUE}).")
        int maxTensors;

        @Option(names = "--out", required = true, paramLabel = "JSON", description = "Where to write the profile.")
        Path out;

        @Override
        public Integer call() throws Exception {
            EdgeScopeConfig config = common.config();
            Assets assets = new Assets(common.models());
            byte[] onnx = model(assets, config);
            TierProfile profile = ScissionBenchmark.measure(new ScissionBenchmark.Options(tier, InetAddress.getLocalHost().getHostName(),
                    threads, slowdown, runs, maxTensors, TransferLayers.ids()), onnx, config.variant().id(), config.variant().inputSize(),
                    assets.sampleFrame(config), System.err::println);
            TierProfiles.write(profile, out);
            System.out.printf(Locale.ROOT, "%s: whole detector %.1f ms, %d cuts, edge-only JPEG %d bytes; profile in %s%n", tier,
                    profile.fullMillis(), profile.cuts().size(), profile.jpegBytes(), out);
            return 0;
        }
    }

    /** Accuracy and bytes of each transfer layer at chosen cuts. */
    @Command(name = "tl", mixinStandardHelpOptions = true,
            description = "AP50 (person) and bytes per frame of the whole detector, edge-only and each transfer layer at the given cuts, on labelled sequences.")
    static final class Layers implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--gt", required = true, paramLabel = "SEQ_DIR", description = "A labelled MOTChallenge sequence (repeat).")
        List<Path> sequences;

        @Option(names = "--cuts", split = ",", defaultValue = "Mul_115,Mul_196,Mul_298", description = "Cuts (default: ${DEFAULT-VALUE}).")
        List<String> cuts;

        @Option(names = "--layers", split = ",", description = "Transfer layers (default: all).")
        List<String> layers;

        @Option(names = "--every", defaultValue = "4", description = "Use every k-th frame (default: ${DEFAULT-VALUE}).")
        int every;

        @Option(names = "--out", paramLabel = "JSON", description = "Also write the table as JSON (the planner's --tl input).")
        Path out;

        @Override
        public Integer call() throws Exception {
            EdgeScopeConfig config = common.config();
            Assets assets = new Assets(common.models());
            TransferLayerEvaluation.Result r;
            try (DetectorFactory whole = assets.loadModel(config)) {
                r = TransferLayerEvaluation.evaluate(sequences.stream().map(MotSequence::load).toList(), model(assets, config), whole,
                        config.variant().inputSize(), cuts, layers == null ? TransferLayers.ids() : layers, every, config.detectorSettings(),
                        System.err::println);
            }
            System.out.printf(Locale.ROOT, "%d frames; whole detector AP50 %.4f.%n%n| cut | transfer layer | KB per frame | AP50 | AP50 change |%n"
                    + "|---|---|---|---|---|%n| - | edge-only (JPEG at input size) | %.1f | %.4f | %+.4f |%n", r.frames(), r.wholeAp50(),
                    r.edgeOnly().meanBytes() / KB, r.edgeOnly().ap50(), -r.edgeOnly().apLoss());
            for (TransferLayerEvaluation.Row row : r.splits()) {
                System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.4f | %+.4f |%n", row.cut(), row.layer(), row.meanBytes() / KB, row.ap50(),
                        -row.apLoss());
            }
            if (out != null) {
                r.write(out);
            }
            return 0;
        }
    }

    /** Scission's planning over two tier profiles and a link. */
    @Command(name = "plan", mixinStandardHelpOptions = true,
            description = "Rank device-only, edge-only and every split (with and without transfer layer) by predicted latency under the constraints.")
    static final class Plan implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--pin", paramLabel = "TIER:NODE", description = "A node that must run on a tier, device or edge (Scission's "
                + "pinning; repeatable), e.g. --pin device:Conv_70.")
        List<String> pins = List.of();

        @Option(names = "--device", required = true, paramLabel = "JSON", description = "Device tier profile.")
        Path device;

        @Option(names = "--edge", required = true, paramLabel = "JSON", description = "Edge tier profile.")
        Path edge;

        @Option(names = "--bandwidth", required = true, paramLabel = "MBPS", description = "Device to edge bandwidth, Mbit/s.")
        double bandwidth;

        @Option(names = "--rtt", defaultValue = "0", paramLabel = "MS", description = "Round trip added per frame (default: ${DEFAULT-VALUE}).")
        double rtt;

        @Option(names = "--max-upload-bytes", defaultValue = "0", description = "Most bytes the device may send per frame (0: no limit).")
        long maxUpload;

        @Option(names = "--keep-frames-on-device", description = "Raw frames must not leave the device (privacy): no edge-only.")
        boolean framesStay;

        @Option(names = "--tl", paramLabel = "JSON", description = "Transfer-layer accuracy (scission tl --out); without it only lossless layers are used.")
        Path layers;

        @Option(names = "--ap-budget", defaultValue = "0.01", description = "Largest AP50 loss a transfer layer may cost (default: ${DEFAULT-VALUE}).")
        double apBudget;

        @Option(names = "--top", defaultValue = "10", description = "Plans shown (default: ${DEFAULT-VALUE}).")
        int top;

        @Option(names = "--commit-interval-ms", defaultValue = "0", paramLabel = "MS",
                description = "Over Kafka: the device processor's exactly-once commit interval (device.commit.interval.ms), whose wait activations add "
                        + "(0: none, default).")
        double commitIntervalMillis;

        @Option(names = "--hop-ms", defaultValue = "0", paramLabel = "MS",
                description = "Over Kafka: fixed cost of the hop between device and edge processors per frame (bench split --kafka measures it; "
                        + "default: ${DEFAULT-VALUE}).")
        double hopMillis;

        @Option(names = "--hop-ms-per-mb", defaultValue = "0", paramLabel = "MS",
                description = "Over Kafka: cost of the hop per megabyte sent (default: ${DEFAULT-VALUE}).")
        double hopMillisPerMegabyte;

        @Option(names = "--json", description = "Print the plans as JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Map<String, Map<String, Double>> losses = layers == null ? Map.of() : TransferLayerEvaluation.Result.read(layers).losses();
            List<SplitPlanner.Plan> plans = SplitPlanner.plans(TierProfiles.read(device), TierProfiles.read(edge),
                    new SplitPlanner.Link(bandwidth, rtt), new SplitPlanner.BrokerHop(commitIntervalMillis, hopMillis, hopMillisPerMegabyte),
                    new SplitPlanner.Constraints(maxUpload, framesStay, losses, apBudget, pins()));
            if (json) {
                ObjectMapper mapper = new ObjectMapper();
                ArrayNode out = mapper.createArrayNode();
                plans.stream().limit(top).forEach(p -> out.addObject().put("plan", p.id()).put("bytes_per_frame", p.bytesSent())
                        .put("device_ms", p.deviceMillis()).put("transfer_ms", p.transferMillis()).put("edge_ms", p.edgeMillis())
                        .put("predicted_ms", p.totalMillis()).put("excluded", p.excluded()));
                System.out.println(out.toPrettyString());
                return 0;
            }
            System.out.printf(Locale.ROOT, "%.1f Mbit/s, %.0f ms rtt%s%s.%n%n| # | plan | device ms | KB sent | transfer ms | edge ms | predicted ms | |%n"
                    + "|---|---|---|---|---|---|---|---|%n", bandwidth, rtt, framesStay ? ", raw frames stay on the device" : "",
                    maxUpload > 0 ? ", upload at most " + maxUpload + " bytes" : "");
            int rank = 0;
            for (SplitPlanner.Plan p : plans.subList(0, Math.min(top, plans.size()))) {
                System.out.printf(Locale.ROOT, "| %d | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %s |%n", ++rank, p.id(), p.deviceMillis(),
                        p.bytesSent() / KB, p.transferMillis(), p.edgeMillis(), p.totalMillis(), p.excluded() == null ? "" : "excluded: " + p.excluded());
            }
            return 0;
        }

        /** The pins, their nodes looked up in the detector's graph. */
        private List<SplitPlanner.Pin> pins() throws java.io.IOException {
            if (pins.isEmpty()) {
                return List.of();
            }
            List<OnnxGraph.Node> nodes = OnnxGraph.parse(model(new Assets(common.models()), common.config())).nodes();
            List<SplitPlanner.Pin> out = new java.util.ArrayList<>();
            for (String pin : pins) {
                String[] parts = pin.split(":", 2);
                SplitPlanner.Tier tier;
                try {
                    tier = SplitPlanner.Tier.valueOf(parts[0].toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--pin " + pin + ": the tier is device or edge, as in device:Conv_70");
                }
                int order = parts.length < 2 ? -1 : java.util.stream.IntStream.range(0, nodes.size())
                        .filter(k -> nodes.get(k).name().equals(parts[1])).findFirst().orElse(-1);
                if (order < 0) {
                    throw new IllegalArgumentException("--pin " + pin + ": no node of that name in the detector's graph (see scission cuts)");
                }
                out.add(new SplitPlanner.Pin(tier, order, parts[1]));
            }
            return out;
        }
    }
}
