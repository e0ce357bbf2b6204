package io.edgescope.cli;

import io.edgescope.app.KafkaUnavailableException;
import io.edgescope.assets.AssetNotFoundException;
import io.edgescope.config.ConfigException;
import io.edgescope.detect.onnx.ModelLoadException;
import io.edgescope.image.InvalidImageException;
import io.edgescope.ingest.IngestException;
import io.edgescope.media.MediaException;
import io.edgescope.registry.SchemaRegistryException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns failures into one clear line on stderr and a non-zero exit code; stack traces only with --verbose. */
final class CliErrors implements IExecutionExceptionHandler {

    static final int FAILED = 1;
    static final int INTERRUPTED = 130;

    /** Failures whose message already says what is wrong and how to fix it. */
    private static final List<Class<? extends Exception>> EXPLAINED = List.of(ConfigException.class,
            KafkaUnavailableException.class, SchemaRegistryException.class, ModelLoadException.class,
            AssetNotFoundException.class, MediaException.class, IngestException.class, InvalidImageException.class,
            UncheckedIOException.class, IllegalArgumentException.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof InterruptedException) {
            err.println("edgescope: interrupted");
            return INTERRUPTED;
        }
        err.println("edgescope: error: " + describe(e));
        if (verbose(parsed)) {
            e.printStackTrace(err);
        } else {
            err.println("(run with --verbose for details)");
        }
        err.flush();
        return FAILED;
    }

    static String describe(Throwable e) {
        var denied = io.edgescope.app.KafkaSecurityErrors.explain(e, null);
        if (denied.isPresent()) {
            return denied.get().getMessage();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (Class<? extends Exception> type : EXPLAINED) {
                if (type.isInstance(t)) {
                    return t.getMessage();
                }
            }
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
