package io.edgescope.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadWhyAndWhereFromTheErrorHeadersAndRetryToTheSourceTopic() {
        DeadLetter d = DeadLetter.of("edgescope.frames.dlq", 0, 41, 1_000L, utf8("gate"), new byte[] {1, 2, 3}, Map.of(
                DeadLetter.MESSAGE, utf8("truncated image"), DeadLetter.EXCEPTION, utf8("io.edgescope.image.InvalidImageException"),
                DeadLetter.TOPIC, utf8("edgescope.frames"), DeadLetter.PARTITION, utf8("3"), DeadLetter.OFFSET, utf8("17")));
        assertThat(d.retryTopic()).isEqualTo("edgescope.frames");
        assertThat(d.id()).isEqualTo("edgescope.frames.dlq/0/41");
        assertThat(d.summary()).containsEntry("reason", "truncated image").containsEntry("key", "gate").containsEntry("valueBytes", 3)
                .containsEntry("sourceOffset", "17").doesNotContainKey("value");
    }

    @Test
    void shouldRefuseToRetryALetterThatDoesNotSayWhereItCameFrom() {
        DeadLetter d = DeadLetter.of("edgescope.frames.dlq", 0, 1, 0L, null, null, Map.of());
        assertThatThrownBy(d::retryTopic).hasMessageContaining("does not say which topic");
    }
}
