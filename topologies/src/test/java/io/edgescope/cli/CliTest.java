package io.edgescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a user sees when something is wrong: one clear line, a non-zero exit, no stack trace. */
class CliTest {

    @Test
    void shouldExplainUnreachableBrokerInOneLine() {
        CliRun r = CliRun.of("tail", "detections", "--bootstrap", "127.0.0.1:1", "--max", "1");
        assertThat(r.exit()).isEqualTo(CliErrors.FAILED);
        assertThat(r.err()).startsWith("edgescope: error: Cannot reach Kafka at 127.0.0.1:1")
                .contains("--bootstrap").doesNotContain("\tat ");
    }

    @Test
    void shouldShowStackTraceOnlyWhenVerbose() {
        CliRun r = CliRun.of("tail", "detections", "--bootstrap", "127.0.0.1:1", "--verbose");
        assertThat(r.exit()).isEqualTo(CliErrors.FAILED);
        assertThat(r.err()).contains("\tat ");
    }

    @Test
    void shouldRejectBadSettingsListingEveryProblem() {
        CliRun r = CliRun.of("tail", "detections", "-D", "max.frame.bytes=0", "-D", "bogus=1");
        assertThat(r.exit()).isEqualTo(CliErrors.FAILED);
        assertThat(r.err()).contains("max.frame.bytes=0").contains("unknown key bogus");
    }

    @Test
    void shouldRejectUnknownTopicNamingTheKnownOnes() {
        CliRun r = CliRun.of("tail", "nope");
        assertThat(r.exit()).isEqualTo(CliErrors.FAILED);
        assertThat(r.err()).contains("Unknown topic 'nope'").contains("detections");
    }

    @Test
    void shouldExplainMissingModelFile() {
        CliRun r = CliRun.of("detect", "--models", "/nonexistent", "--input", "/nonexistent/clip.avi", "--out", "/tmp/never.jsonl",
                "-D", "detector.threads=1");
        assertThat(r.exit()).isEqualTo(CliErrors.FAILED);
        assertThat(r.err()).startsWith("edgescope: error: Input not found: /nonexistent/clip.avi");
    }
}
