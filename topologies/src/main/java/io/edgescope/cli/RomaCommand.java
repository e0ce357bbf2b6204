package io.edgescope.cli;

import io.edgescope.assets.AssetResolver;
import io.edgescope.bench.roma.RomaBenchmark;
import io.edgescope.config.EdgeScopeConfig;
import io.edgescope.detect.variants.Variant;
import io.edgescope.eval.MotSequence;
import io.edgescope.roma.AccuracyProfile;
import io.edgescope.roma.AccuracyProfileFiles;
import io.edgescope.roma.SizeBuckets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code roma profile}: ROMA's offline step. */
@Command(name = "roma", mixinStandardHelpOptions = true, description = "ROMA's offline accuracy profile.",
        subcommands = RomaCommand.Profile.class)
final class RomaCommand {

    static final String CACHE_FOLDER = "roma-bench";

    /** Measures AP50 and recall per object size and latency per variant on labelled sequences. */
    @Command(name = "profile", mixinStandardHelpOptions = true,
            description = "Measure each candidate's AP50 and recall per relative object size, and its latency, on labelled (or pseudo-labelled) "
                    + "sequences; write the JSON profile ROMA reads (config roma.profile).")
    static final class Profile implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Option(names = "--gt", required = true, paramLabel = "SEQ_DIR", description = "A labelled MOTChallenge sequence (repeat).")
        List<Path> sequences;

        @Option(names = "--variants", split = ",", description = "Candidates (default: config roma.candidates).")
        List<String> variants;

        @Option(names = "--size-edges", split = ",", description = "Relative size bucket edges (default: 0.02,0.04,0.08,0.16).")
        List<Double> sizeEdges;

        @Option(names = "--recorded-only", description = "Measure on the sequences as recorded only; by default also on each one's "
                + "smaller version (every frame shrunk to half on a canvas of its size, labels moved alike), which gives the profile "
                + "labelled objects of the sizes a wider view shows.")
        boolean recordedOnly;

        @Option(names = "--out", required = true, paramLabel = "JSON", description = "Where to write the profile.")
        Path out;

        @Override
        public Integer call() throws Exception {
            EdgeScopeConfig config = common.config();
            Assets assets = new Assets(common.models());
            List<MotSequence> seqs = sequences.stream().map(MotSequence::load).toList();
            List<Variant> chosen = Variant.allById(variants == null ? config.romaCandidateIds() : variants);
            RomaBenchmark.Options options = new RomaBenchmark.Options(seqs, chosen, config.variant(), 0, 0,
                    AssetResolver.userCacheDir().resolve(CACHE_FOLDER), config.maxDecodedPixels(),
                    sizeEdges == null ? SizeBuckets.DEFAULT : new SizeBuckets(sizeEdges), config.romaSettings(), 0, 0, false, null, 1, recordedOnly);
            AccuracyProfile profile = RomaBenchmark.profile(options, v -> assets.loadModel(config, v), System.err::println);
            List<String> clips = RomaBenchmark.profileClips(options).stream().map(MotSequence::name).toList();
            AccuracyProfileFiles.write(profile, clips, out);
            System.out.printf(Locale.ROOT, "Wrote the accuracy profile of %d variants on %d clips (%s) to %s%n", chosen.size(), clips.size(),
                    String.join(", ", clips), out);
            return 0;
        }
    }
}
