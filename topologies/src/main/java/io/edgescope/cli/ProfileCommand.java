package io.edgescope.cli;

import io.edgescope.app.CompactedTopic;
import io.edgescope.app.RecordJson;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.detect.variants.Variant;
import io.edgescope.schemas.Delivery;
import io.edgescope.schemas.RegionOfInterest;
import io.edgescope.schemas.StreamProfile;
import io.edgescope.schemas.VariantPolicy;
import io.edgescope.split.GraphPartitioner;
import io.edgescope.split.OnnxGraph;
import io.edgescope.split.SplitPlanId;
import io.edgescope.topics.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Per-stream profiles in the compacted stream-profiles topic. */
@Command(name = "profile", mixinStandardHelpOptions = true, description = "Set, show and list per-stream profiles (which variant a stream runs).",
        subcommands = {ProfileCommand.Set.class, ProfileCommand.Get.class, ProfileCommand.ListProfiles.class})
final class ProfileCommand {

    private static final int ROI_FIELDS = 4;

    /** All profiles, latest per stream. */
    static Map<String, StreamProfile> readAll(EdgeScopeConfig config) {
        return CompactedTopic.readAll(config, Topics.STREAM_PROFILES);
    }

    /** {@code profile set STREAM --variant ID | --roma | --split PLAN}. */
    @Command(name = "set", mixinStandardHelpOptions = true, description = "Set a stream's variant policy; takes effect at its next frame.")
    static final class Set implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "STREAM")
        String stream;

        @Option(names = "--roma", description = "Let ROMA choose the variant at runtime (instead of --variant ID).")
        boolean roma;

        @Option(names = "--split", paramLabel = "PLAN", description = "Split the detector between the device and the edge with this plan: "
                + "scission:<cut> or scissionlite:<cut>:<transfer layer> (see edgescope scission plan).")
        String split;

        @Option(names = "--delivery", paramLabel = "MODE", description = "realtime (skip frames already stale, counted) or complete "
                + "(every frame); default: realtime for --roma, complete otherwise.")
        Delivery delivery;

        @Option(names = "--classes", split = ",", paramLabel = "LABEL", description = "Only publish these classes, e.g. person,car (default: all).")
        List<String> classes = List.of();

        @Option(names = "--no-load-check", description = "Do not check here that the variant's model loads.")
        boolean skipLoadCheck;

        @Option(names = "--roi", split = ",", paramLabel = "PX", description = "Region of interest x,y,width,height in pixels (default: the whole frame).")
        List<Integer> roi;

        @Override
        public Integer call() throws Exception {
            String variant = common.variant;
            if ((roma ? 1 : 0) + (variant != null ? 1 : 0) + (split != null ? 1 : 0) != 1) {
                throw new IllegalArgumentException("Give one of --variant ID, --roma or --split PLAN");
            }
            if (split != null) {
                SplitPlanId plan = SplitPlanId.parse(split);
                GraphPartitioner.cutPoint(OnnxGraph.parse(ScissionCommand.model(new Assets(common.models()), common.config())), plan.cut(),
                        Integer.MAX_VALUE);
            }
            if (variant != null && Variant.byId(variant).isEmpty()) {
                throw new IllegalArgumentException("Unknown variant '" + variant + "'; one of " + Variant.ids());
            }
            if (variant != null && !skipLoadCheck) {
                // the operator hears now, not from a dead letter, if the variant's model does not load
                new Assets(common.models()).loadModel(common.config(), Variant.byId(variant).orElseThrow()).close();
            }
            if (roi != null && (roi.size() != ROI_FIELDS || roi.get(2) <= 0 || roi.get(3) <= 0)) {
                throw new IllegalArgumentException("--roi takes x,y,width,height with a positive width and height");
            }
            EdgeScopeConfig config = common.reachableClientConfig();
            StreamProfile profile = StreamProfile.newBuilder().setStreamId(stream)
                    .setPolicy(roma ? VariantPolicy.ROMA : split != null ? VariantPolicy.SPLIT : VariantPolicy.FIXED)
                    .setVariantId(variant).setSplitPlan(split == null ? null : SplitPlanId.parse(split).toString()).setDelivery(delivery).setClasses(classes)
                    .setRoi(roi == null ? null : new RegionOfInterest(roi.get(0), roi.get(1), roi.get(2), roi.get(3)))
                    .setUpdatedAt(Instant.now()).build();
            CompactedTopic.write(config, Topics.STREAM_PROFILES, stream, profile);
            System.out.println(RecordJson.line(profile));
            return 0;
        }
    }

    /** {@code profile get STREAM}. */
    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show a stream's profile (none: it runs the default variant).")
    static final class Get implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "STREAM")
        String stream;

        @Override
        public Integer call() {
            EdgeScopeConfig config = common.reachableClientConfig();
            StreamProfile profile = readAll(config).get(stream);
            System.out.println(profile == null ? "{\"streamId\":\"" + stream + "\",\"profile\":null,\"variantId\":\""
                    + config.detectorVariant() + "\"}" : RecordJson.line(profile));
            return 0;
        }
    }

    /** {@code profile list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every stream's profile as JSON lines.")
    static final class ListProfiles implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            EdgeScopeConfig config = common.reachableClientConfig();
            readAll(config).values().forEach(p -> System.out.println(RecordJson.line(p)));
            return 0;
        }
    }
}
