package io.edgescope.cli;

import picocli.CommandLine.Option;

/** Where frames come from and how many: shared by demo, ingest and detect. */
final class InputOptions {

    @Option(names = "--input", paramLabel = "PATH",
            description = "Video file, image folder (MOT layout), rtsp:// or http:// URL, or /dev/videoN (default: the sample clip).")
    String input;

    @Option(names = "--frames", paramLabel = "N", description = "Stop after N frames (default: the whole input).")
    long frames;

    /** {@code --input} if given, else the sample clip (resolved, downloaded once if needed). */
    String source(Assets assets) {
        return assets.inputOrSample(input);
    }
}
