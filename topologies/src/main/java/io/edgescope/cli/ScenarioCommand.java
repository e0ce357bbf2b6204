package io.edgescope.cli;

import io.edgescope.eval.MotSequence;
import io.edgescope.eval.Scenario;
import io.edgescope.eval.ScenarioGenerator;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Derives a harder labelled sequence: faster motion, smaller objects, another frame rate. */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = "Write a derived MOTChallenge sequence with exact ground truth: every k-th frame (faster motion), "
                + "scaled down (smaller objects), at another frame rate. Deterministic for a seed.")
final class ScenarioCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "SEQ_DIR", description = "Labelled source sequence.")
    Path from;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the new sequence.")
    Path out;

    @Option(names = "--every", defaultValue = "1", paramLabel = "K", description = "Keep every K-th frame (default: ${DEFAULT-VALUE}).")
    int every;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "S", description = "Scale frames and boxes by S in (0, 1] (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--fps", defaultValue = "0", paramLabel = "F", description = "Frame rate of the result (default: the source's).")
    double fps;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Which of the K phases to keep (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        MotSequence seq = ScenarioGenerator.generate(MotSequence.load(from), new Scenario(every, scale, fps, seed), out);
        System.out.printf(Locale.ROOT, "%s: %d frames, %dx%d, %.1f fps -> %s%n", seq.name(), seq.length(), seq.width(),
                seq.height(), seq.fps(), out);
        return 0;
    }
}
