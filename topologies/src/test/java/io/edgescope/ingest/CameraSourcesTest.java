package io.edgescope.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CameraSourcesTest {

    @Test
    void shouldBuildASourceAndRefuseWhatNoGrabberCouldUse() {
        assertThat(CameraSources.of("gate", "rtsp://cam/1", 5f, "dock-2", true, Instant.EPOCH).getSite()).isEqualTo("dock-2");
        assertThat(CameraSources.of("gate", "rtsp://cam/1", null, null, false, Instant.EPOCH).getFps()).isNull();
        assertThatThrownBy(() -> CameraSources.of("gate", " ", null, null, false, Instant.EPOCH)).hasMessageContaining("url");
        assertThatThrownBy(() -> CameraSources.of("gate", "rtsp://cam/1", -1f, null, false, Instant.EPOCH)).hasMessageContaining("fps");
        assertThatThrownBy(() -> CameraSources.of("gate", "rtsp://cam/1", null, "dlq", false, Instant.EPOCH)).hasMessageContaining("dlq");
    }
}
