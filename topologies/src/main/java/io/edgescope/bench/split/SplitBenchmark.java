package io.edgescope.bench.split;

import io.edgescope.detect.BgrImage;
import io.edgescope.detect.CocoLabels;
import io.edgescope.detect.yolox.YoloxDecoder;
import io.edgescope.detect.yolox.YoloxPreprocessor;
import io.edgescope.image.ImageCodec;
import io.edgescope.split.Activation;
import io.edgescope.split.EmulatedDevice;
import io.edgescope.split.GraphPartitioner;
import io.edgescope.split.OnnxGraph;
import io.edgescope.split.OrtModelRunner;
import io.edgescope.split.SplitHead;
import io.edgescope.split.SplitModel;
import io.edgescope.split.SplitPlanId;
import io.edgescope.split.SplitPlanner;
import io.edgescope.split.SplitTail;
import io.edgescope.split.TierProfile;
import io.edgescope.split.TransferLayers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code bench split}: at each bandwidth, the planner's best device-only, edge-only, Scission (no
 * transfer layer) and ScissionLite (best transfer layer within the AP budget) placements, each run on
 * real frames — device part, emulated link (rtt + bytes / bandwidth as a delay), edge part — and its
 * measured per-frame latency set beside the prediction. A device slower than this host is emulated
 * by stretching the device part's measured time by the profile's slowdown ({@link EmulatedDevice}).
 */
public final class SplitBenchmark {

    private static final double NANOS_PER_MILLI = 1_000_000.0;
    private static final int JPEG_QUALITY = 90;
    private static final float SCORE = 0.3f;
    private static final float NMS = 0.45f;
    /** Frames per placement: as many as fit in about this long, at least {@link #MIN_FRAMES}. */
    private static final double TIME_PER_PLAN_MILLIS = 8000;
    private static final int MIN_FRAMES = 3;
    private static final int STAGES = 4;
    private static final double MILLIS_PER_SECOND = 1000.0;

    /**
     * One measured placement. {@code ap50} is from the transfer-layer table when one was given (NaN otherwise);
     * {@code throughputFps} is what the placement sustains with device, link and edge working on different frames at
     * once: 1000 / the slowest stage's measured mean (the link's stage is bytes / bandwidth; rtt overlaps).
     */
    public record Row(double bandwidthMbps, String plan, double measuredMillis, double predictedMillis, long bytesPerFrame, double ap50,
                      double throughputFps) {
    }

    /** Means per frame: end to end, and the device, link and edge stages. */
    private record Stages(double total, double device, double link, double edge) {
        double throughputFps() {
            return MILLIS_PER_SECOND / Math.max(device, Math.max(link, edge));
        }
    }

    private SplitBenchmark() {
    }

    public static List<Row> run(byte[] onnx, int inputSize, List<BgrImage> frames, TierProfile device, TierProfile edge,
                                List<Double> bandwidths, double rttMillis, SplitPlanner.Constraints constraints, java.util.function.ToDoubleFunction<SplitPlanner.Plan> ap50,
                                Consumer<String> progress) throws InterruptedException {
        OnnxGraph graph = OnnxGraph.parse(onnx);
        List<Row> rows = new ArrayList<>();
        for (double bw : bandwidths) {
            SplitPlanner.Link link = new SplitPlanner.Link(bw, rttMillis);
            List<SplitPlanner.Plan> plans = SplitPlanner.plans(device, edge, link, constraints);
            List<SplitPlanner.Plan> chosen = new ArrayList<>();
            find(plans, SplitPlanner.DEVICE_ONLY, false).ifPresent(chosen::add);
            find(plans, SplitPlanner.EDGE_ONLY, true).ifPresent(chosen::add);
            find(plans, SplitPlanner.SCISSION + ":", false).ifPresent(chosen::add);
            find(plans, SplitPlanner.SCISSION_LITE + ":", false).ifPresent(chosen::add);
            for (SplitPlanner.Plan p : chosen) {
                progress.accept(String.format(java.util.Locale.ROOT, "%.0f Mbit/s: %s", bw, p.id()));
                int n = (int) Math.max(MIN_FRAMES, Math.min(frames.size(), Math.round(TIME_PER_PLAN_MILLIS / Math.max(1, p.totalMillis()))));
                Stages measured = measure(p, graph, onnx, inputSize, frames.subList(0, n), device, edge, link);
                rows.add(new Row(bw, p.id(), measured.total(), p.totalMillis(), p.bytesSent(), ap50.applyAsDouble(p), measured.throughputFps()));
            }
        }
        return rows;
    }

    /** The best plan whose id starts with {@code prefix}: allowed ones only, unless {@code evenExcluded}. */
    private static Optional<SplitPlanner.Plan> find(List<SplitPlanner.Plan> plans, String prefix, boolean evenExcluded) {
        return plans.stream().filter(p -> p.id().startsWith(prefix) && (evenExcluded || p.excluded() == null)).findFirst();
    }

    private static Stages measure(SplitPlanner.Plan p, OnnxGraph graph, byte[] onnx, int inputSize, List<BgrImage> frames, TierProfile device,
                                  TierProfile edge, SplitPlanner.Link link) throws InterruptedException {
        ImageCodec codec = new ImageCodec(Long.MAX_VALUE);
        YoloxPreprocessor pre = new YoloxPreprocessor(inputSize);
        float[] tensor = new float[pre.tensorLength()];
        long[] shape = {1, BgrImage.CHANNELS, inputSize, inputSize};
        double[] sums = new double[STAGES];
        if (p.cut() == null) {
            try (OrtModelRunner deviceModel = new OrtModelRunner(onnx, device.threads());
                 OrtModelRunner edgeModel = new OrtModelRunner(onnx, edge.threads())) {
                String input = deviceModel.inputNames().get(0);
                warmUp(deviceModel, edgeModel, input, shape, tensor);
                for (BgrImage frame : frames) {
                    long t0 = System.nanoTime();
                    if (p.id().equals(SplitPlanner.DEVICE_ONLY)) {
                        pre.preprocess(frame, tensor);
                        deviceModel.run(List.of(new Activation(input, shape, tensor)));
                        new EmulatedDevice(device.slowdown()).stretch(t0);
                        add(sums, t0, System.nanoTime(), 0, System.nanoTime());
                    } else {
                        byte[] jpeg = EdgeOnlyFrames.jpeg(frame, inputSize, JPEG_QUALITY);
                        new EmulatedDevice(device.slowdown()).stretch(t0);
                        long sent = System.nanoTime();
                        send(link, jpeg.length);
                        long arrived = System.nanoTime();
                        pre.preprocess(codec.decode(jpeg), tensor);
                        edgeModel.run(List.of(new Activation(input, shape, tensor)));
                        add(sums, t0, sent, link.transferMillis(jpeg.length) - link.rttMillis(), arrived);
                    }
                }
            }
            return stages(sums, frames.size());
        }
        SplitPlanId plan = new SplitPlanId(p.cut(), p.layer());
        SplitModel model = GraphPartitioner.split(graph, GraphPartitioner.cutPoint(graph, plan.cut(), Integer.MAX_VALUE));
        try (SplitHead head = new SplitHead(model, TransferLayers.byId(plan.layer()), inputSize, device.threads());
             SplitTail tail = new SplitTail(model, TransferLayers.byId(plan.layer()), inputSize,
                     new YoloxDecoder(inputSize, CocoLabels.names(), SCORE), NMS, edge.threads())) {
            tail.run(head.run(frames.get(0)).payload(), frames.get(0).width(), frames.get(0).height());
            for (BgrImage frame : frames) {
                long t0 = System.nanoTime();
                SplitHead.Output out = head.run(frame);
                new EmulatedDevice(device.slowdown()).stretch(t0);
                long sent = System.nanoTime();
                send(link, out.payload().length);
                long arrived = System.nanoTime();
                tail.run(out.payload(), out.frameWidth(), out.frameHeight());
                add(sums, t0, sent, link.transferMillis(out.payload().length) - link.rttMillis(), arrived);
            }
        }
        return stages(sums, frames.size());
    }

    /** Adds one frame: device stage t0..deviceDone, the link's occupancy, edge stage edgeStart..now. */
    private static void add(double[] sums, long t0, long deviceDone, double linkMillis, long edgeStart) {
        long now = System.nanoTime();
        sums[0] += (now - t0) / NANOS_PER_MILLI;
        sums[1] += (deviceDone - t0) / NANOS_PER_MILLI;
        sums[2] += linkMillis;
        sums[3] += (now - edgeStart) / NANOS_PER_MILLI;
    }

    private static Stages stages(double[] sums, int frames) {
        return new Stages(sums[0] / frames, sums[1] / frames, sums[2] / frames, sums[3] / frames);
    }

    private static void warmUp(OrtModelRunner a, OrtModelRunner b, String input, long[] shape, float[] tensor) {
        a.run(List.of(new Activation(input, shape, tensor)));
        b.run(List.of(new Activation(input, shape, tensor)));
    }

    /** The emulated link: the payload arrives after rtt + bytes / bandwidth. */
    private static void send(SplitPlanner.Link link, long bytes) throws InterruptedException {
        sleep(link.transferMillis(bytes));
    }

    private static void sleep(double millis) throws InterruptedException {
        if (millis > 0) {
            long nanos = (long) (millis * NANOS_PER_MILLI);
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
        }
    }
}
