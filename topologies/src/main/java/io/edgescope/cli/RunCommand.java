package io.edgescope.cli;

import io.edgescope.app.DetectionService;
import io.edgescope.app.Platform;
import io.edgescope.config.EdgeScopeConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import io.edgescope.app.OnnxSplitParts;
import io.edgescope.app.SplitDeviceService;
import io.edgescope.app.IngestSupervisors;
import io.edgescope.app.OperationsEndpoints;
import io.edgescope.app.OperationsServer;
import io.edgescope.app.PrometheusMetrics;
import io.edgescope.ingest.IngestSupervisor;
import io.edgescope.detect.onnx.ModelFamily;

/** Runs the detection processor until Ctrl-C, on the configured cluster or a local one. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the processors until Ctrl-C: all (default) = detection, the edge side of split streams, their device side "
                + "and the ingest supervisor; edge = detection and the edge side; device = the device side of split streams only; "
                + "ingest = the ingest supervisor only (grabs the cameras listed by edgescope sources). Without --bootstrap, "
                + "also runs a local Kafka broker and schema registry that ingest and tail can use.")
final class RunCommand implements Callable<Integer> {

    /** Which processors this process runs. */
    enum Role { all, edge, device, ingest }

    @Parameters(index = "0", arity = "0..1", defaultValue = "all", description = "all, edge or device (default: ${DEFAULT-VALUE}).")
    Role role;

    /** Timed inferences per variant when the catalogue is measured at start. */
    private static final int STARTUP_PROFILE_RUNS = 10;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        EdgeScopeConfig config = common.config();
        Assets assets = new Assets(common.models());
        boolean splittable = config.variant().family() == ModelFamily.YOLOX && role != Role.ingest;
        if (config.variant().family() != ModelFamily.YOLOX && role == Role.device) {
            throw new IllegalArgumentException("The device side of split streams cuts a YOLOX-Nano variant; detector.variant is " + config.variant().id());
        }
        OnnxSplitParts split = splittable ? new OnnxSplitParts(config.variant().id(), ScissionCommand.model(assets, config),
                config.variant().inputSize(), config.detectorSettings()) : null;
        try (ShutdownSignal signal = new ShutdownSignal();
             Platform platform = Platform.start(config);
             DetectionService detection = role == Role.all || role == Role.edge
                     ? DetectionService.start(platform, assets.variantPool(config), split) : null;
             SplitDeviceService device = (role == Role.all || role == Role.device) && split != null ? SplitDeviceService.start(platform, split) : null;
             IngestSupervisor ingest = role == Role.all || role == Role.ingest ? IngestSupervisors.start(platform) : null) {
            PrometheusMetrics metrics = detection != null ? detection.metrics() : new PrometheusMetrics();
            if (ingest != null) {
                metrics.bindSources(ingest::health);
            }
            if (device != null) {
                device.bindTo(metrics);
            }
            OperationsServer operations = detection != null ? null : OperationsServer.start(config.telemetryHttpPort(), metrics,
                    () -> readiness(device, ingest));
            if (detection != null) {
                VariantProfiler.publish(config, platform.bootstrapServers(), platform.registry(),
                        VariantProfiler.measure(assets, config, STARTUP_PROFILE_RUNS));
            }
            System.out.printf("Running %s (%s). Kafka at %s, schema registry at %s. Ctrl-C stops.%n", role,
                    detection == null ? (device != null ? "device side of split streams" : "ingest supervisor") : "detecting with " + config.variant().id(),
                    platform.bootstrapServers(), platform.registryUrl());
            try {
                Thread.currentThread().join();
            } catch (InterruptedException e) {
                System.out.println("Stopping...");
            } finally {
                if (operations != null) {
                    operations.close();
                    metrics.close();
                }
            }
            return signal.requested() ? 0 : CliErrors.FAILED;
        }
    }

    /** Ready when the device side's streams run and the ingest supervisor follows its topic (whichever this process runs). */
    private static OperationsEndpoints.Readiness readiness(SplitDeviceService device, IngestSupervisor ingest) {
        boolean deviceReady = device == null || device.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING;
        boolean ingestReady = ingest == null || ingest.running();
        return new OperationsEndpoints.Readiness(deviceReady && ingestReady,
                deviceReady && ingestReady ? "RUNNING" : (deviceReady ? "INGEST_STOPPED" : String.valueOf(device.state())));
    }
}
