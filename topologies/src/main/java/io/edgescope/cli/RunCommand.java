package io.edgescope.cli;

import io.edgescope.app.DetectionService;
import io.edgescope.app.Platform;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.app.VariantPool;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the detection processor until Ctrl-C, on the configured cluster or a local one. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the detection processor (frames -> detections) until Ctrl-C. Without --bootstrap, "
                + "also runs a local Kafka broker and schema registry that ingest and tail can use.")
final class RunCommand implements Callable<Integer> {

    /** Timed inferences per variant when the catalogue is measured at start. */
    private static final int STARTUP_PROFILE_RUNS = 10;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        EdgeScopeConfig config = common.config();
        VariantPool model = new Assets(common.models()).variantPool(config);
        try (ShutdownSignal signal = new ShutdownSignal();
             Platform platform = Platform.start(config);
             DetectionService detection = DetectionService.start(platform, model)) {
            VariantProfiler.publish(config, platform.bootstrapServers(), platform.registryUrl(),
                    VariantProfiler.measure(new Assets(common.models()), config, STARTUP_PROFILE_RUNS));
            System.out.printf("Detecting with %s. Kafka at %s, schema registry at %s. Ctrl-C stops.%n",
                    model.defaultVariant(), platform.bootstrapServers(), platform.registryUrl());
            try {
                Thread.currentThread().join();
            } catch (InterruptedException e) {
                System.out.println("Stopping...");
            }
            return signal.requested() ? 0 : CliErrors.FAILED;
        }
    }
}
