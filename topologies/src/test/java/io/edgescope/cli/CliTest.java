package io.edgescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What a user sees when something is wrong: one clear line, a non-zero exit, no stack trace. */
class CliTest {

    private record Run(int exit, String err) {
    }

    private static Run run(String... args) {
        CommandLine cmd = EdgeScopeCli.commandLine();
        StringWriter err = new StringWriter();
        cmd.setErr(new PrintWriter(err));
        cmd.setOut(new PrintWriter(new StringWriter()));
        int exit = cmd.execute(args);
        return new Run(exit, err.toString());
    }

    @Test
    void shouldExplainUnreachableBrokerInOneLine() {
        Run r = run("tail", "detections", "--bootstrap", "127.0.0.1:1", "--max", "1");
        assertThat(r.exit()).isEqualTo(CliErrors.FAILED);
        assertThat(r.err()).startsWith("edgescope: error: Cannot reach Kafka at 127.0.0.1:1")
                .contains("--bootstrap").doesNotContain("\tat ");
    }

    @Test
    void shouldShowStackTraceOnlyWhenVerbose() {
        Run r = run("tail", "detections", "--bootstrap", "127.0.0.1:1", "--verbose");
        assertThat(r.exit()).isEqualTo(CliErrors.FAILED);
        assertThat(r.err()).contains("\tat ");
    }

    @Test
    void shouldRejectBadSettingsListingEveryProblem() {
        Run r = run("tail", "detections", "-D", "max.frame.bytes=0", "-D", "bogus=1");
        assertThat(r.exit()).isEqualTo(CliErrors.FAILED);
        assertThat(r.err()).contains("max.frame.bytes=0").contains("unknown key bogus");
    }

    @Test
    void shouldRejectUnknownTopicNamingTheKnownOnes() {
        Run r = run("tail", "nope");
        assertThat(r.exit()).isEqualTo(CliErrors.FAILED);
        assertThat(r.err()).contains("Unknown topic 'nope'").contains("detections");
    }

    @Test
    void shouldExplainMissingModelFile() {
        Run r = run("detect", "--models", "/nonexistent", "--input", "/nonexistent/clip.avi", "--out", "/tmp/never.jsonl",
                "-D", "detector.threads=1");
        assertThat(r.exit()).isEqualTo(CliErrors.FAILED);
        assertThat(r.err()).startsWith("edgescope: error: Input not found: /nonexistent/clip.avi");
    }
}
