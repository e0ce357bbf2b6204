package io.edgescope.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs a CLI command in-process and captures what it prints, as a user would see it. */
public record CliRun(int exit, String out, String err) {

    public static synchronized CliRun of(String... args) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        StringWriter err = new StringWriter();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = EdgeScopeCli.commandLine().setErr(new PrintWriter(err)).execute(args);
            return new CliRun(exit, captured.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(original);
        }
    }
}
