package io.edgescope.cli;

import io.edgescope.detect.variants.Variant;
import io.edgescope.eval.MotSequence;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** What both ROMA benchmarks run on: the labelled sequences, the candidate variants, what the profile is measured on, and TOD's tolerance. */
final class RomaBenchInputs {

    @Option(names = "--gt", required = true, paramLabel = "SEQ_DIR", description = "A labelled MOTChallenge sequence (repeat).")
    List<Path> sequences;

    @Option(names = "--variants", split = ",", defaultValue = "yolox-nano-256,yolox-nano-320,yolox-nano-416,yolox-nano-512,yolox-nano-640",
            description = "Candidate variants (default: ${DEFAULT-VALUE}).")
    List<String> variants;

    @Option(names = "--recorded-profile", description = "Measure ROMA's accuracy profile on the sequences as recorded only, "
            + "without their smaller versions (as before 2026-11-26).")
    boolean recordedProfile;

    @Option(names = "--tod-tolerance", defaultValue = "0.02", description = "TOD takes the lightest variant within this AP50 of the best for a size (default: ${DEFAULT-VALUE}).")
    double todTolerance;

    List<MotSequence> sequences() {
        return sequences.stream().map(MotSequence::load).toList();
    }

    List<Variant> variants() {
        return Variant.allById(variants);
    }
}
