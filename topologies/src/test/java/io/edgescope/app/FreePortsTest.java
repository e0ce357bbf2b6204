package io.edgescope.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    private static final int HIGHEST_PORT = 65_535;

    @Test
    void shouldReturnAPortThatCanBeBound() throws IOException {
        try (ServerSocket socket = new ServerSocket(FreePorts.any())) {
            assertThat(socket.getLocalPort()).isPositive();
        }
    }

    @Test
    void shouldNeverReturnAPortItWasToldIsTaken() {
        Set<Integer> every = IntStream.rangeClosed(1, HIGHEST_PORT).boxed().collect(Collectors.toSet());

        assertThatThrownBy(() -> FreePorts.besides(every)).isInstanceOf(IllegalStateException.class).hasMessageContaining("No free port");
    }
}
