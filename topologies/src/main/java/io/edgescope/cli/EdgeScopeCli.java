package io.edgescope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code edgescope} command line. */
@Command(name = "edgescope", mixinStandardHelpOptions = true, version = "EdgeScope 0.1.0",
        description = "Edge video analytics on Apache Kafka.",
        subcommands = {DemoCommand.class, RunCommand.class, IngestCommand.class, DetectCommand.class, EvaluateCommand.class, RomaCommand.class, TelemetryCommand.class,
                ScenarioCommand.class, PseudoGtCommand.class, VariantsCommand.class, ProfileCommand.class, ScissionCommand.class, SourcesCommand.class,
                TailCommand.class, AclCommand.class,
                BenchCommand.class})
public final class EdgeScopeCli {

    private EdgeScopeCli() {
    }

    /** System property read by logback.xml for the io.edgescope log level. */
    static final String LOG_LEVEL_PROPERTY = "EDGESCOPE_LOG_LEVEL";

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--verbose")) {
            System.setProperty(LOG_LEVEL_PROPERTY, "DEBUG");
        }
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (also used by tests to run commands in-process). */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(EdgeScopeCli.class);
        cmd.setExecutionExceptionHandler(new CliErrors());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        return cmd;
    }
}
