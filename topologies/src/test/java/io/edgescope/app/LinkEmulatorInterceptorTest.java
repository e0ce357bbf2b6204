package io.edgescope.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgescope.config.EdgeScopeConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class LinkEmulatorInterceptorTest {

    @Test
    void shouldHoldEachRecordForRttPlusItsBytesOverTheBandwidth() {
        List<Long> waits = new ArrayList<>();
        LinkEmulatorInterceptor link = new LinkEmulatorInterceptor(waits::add);
        link.configure(Map.of(LinkEmulatorInterceptor.BANDWIDTH_MBPS, "8", LinkEmulatorInterceptor.RTT_MS, "20"));
        // 100,000 bytes = 800,000 bits at 8 Mbit/s = 100 ms, plus 20 ms
        link.onSend(new ProducerRecord<>("edgescope.activations", new byte[0], new byte[100_000]));
        link.onSend(new ProducerRecord<>("edgescope.activations", "cam".getBytes(), new byte[997]));
        assertThat(waits).containsExactly(120_000_000L, 21_000_000L);
    }

    @Test
    void shouldEmulateTheLinkOnlyOnTheDeviceProducerAndOnlyWhenConfigured() {
        EdgeScopeConfig plain = EdgeScopeConfig.fromMap(Map.of(EdgeScopeConfig.STATE_DIR.name(), Path.of("target", "s").toString()));
        Properties off = SplitDeviceService.streamsProperties(plain, "localhost:9092");
        assertThat(off).doesNotContainKey(StreamsConfig.producerPrefix(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG));
        Properties on = SplitDeviceService.streamsProperties(plain.with(Map.of(EdgeScopeConfig.DEVICE_LINK_MBPS.name(), "2",
                EdgeScopeConfig.DEVICE_LINK_RTT_MS.name(), "40")), "localhost:9092");
        assertThat(on).containsEntry(StreamsConfig.producerPrefix(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG), LinkEmulatorInterceptor.class.getName())
                .containsEntry(StreamsConfig.producerPrefix(LinkEmulatorInterceptor.BANDWIDTH_MBPS), "2.0")
                .containsEntry(StreamsConfig.producerPrefix(LinkEmulatorInterceptor.RTT_MS), "40.0");
        assertThat(DetectionService.streamsProperties(plain.with(Map.of(EdgeScopeConfig.DEVICE_LINK_MBPS.name(), "2")), "localhost:9092"))
                .doesNotContainKey(StreamsConfig.producerPrefix(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG));
    }
}
