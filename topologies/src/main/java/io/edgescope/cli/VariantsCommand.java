package io.edgescope.cli;

import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.detect.variants.Variant;
import io.edgescope.schemas.VariantInfo;
import io.edgescope.topics.Topics;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The variant catalogue with latency measured on this host. */
@Command(name = "variants", mixinStandardHelpOptions = true,
        description = "List the detector variants with their input size, sha256 and inference latency measured here (median, p99).")
final class VariantsCommand implements Callable<Integer> {

    private static final int SHA_SHOWN = 16;

    @Mixin
    CommonOptions common;

    @Option(names = "--runs", defaultValue = "30", paramLabel = "N", description = "Timed inferences per variant (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--publish", description = "Also publish the catalogue with these measurements to the edgescope.variants topic.")
    boolean publish;

    @Override
    public Integer call() throws Exception {
        EdgeScopeConfig config = common.config();
        List<VariantInfo> measured = VariantProfiler.measure(new Assets(common.models()), config, runs);
        System.out.println("| variant | input | sha256 (first 16) | median ms | p99 ms | AP50 (ROMA profile) |");
        System.out.println("|---|---|---|---|---|---|");
        for (VariantInfo info : measured) {
            Variant variant = Variant.byId(info.getVariantId()).orElseThrow();
            String input = variant.family().runsOnnx() ? variant.inputSize() + "x" + variant.inputSize() : variant.inputSize() + " wide";
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f | %s |%n", info.getVariantId(), input,
                    info.getSha256().substring(0, Math.min(SHA_SHOWN, info.getSha256().length())), info.getLatencyMedianMillis(),
                    info.getLatencyP99Millis(), info.getAp50() == null ? "-" : String.format(Locale.ROOT, "%.3f", info.getAp50()));
        }
        if (publish) {
            EdgeScopeConfig client = common.reachableClientConfig();
            VariantProfiler.publish(client, client.bootstrapServers(), io.edgescope.registry.SchemaRegistryClients.create(client.registryClient()), measured);
            System.out.printf("Published %d variants to %s%n", measured.size(), Topics.VARIANTS.name());
        }
        return 0;
    }
}
