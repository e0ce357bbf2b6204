package io.edgescope.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgescope.registry.SchemaStore;
import io.edgescope.schemas.BoundingBox;
import io.edgescope.schemas.Detections;
import io.edgescope.topics.Topics;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private final SchemaStore registry = SchemaStore.inMemory();
    private final Serde<Detections> serde = Topics.DETECTIONS.valueSerde(registry);

    private static Detections sample() {
        return Detections.newBuilder().setStreamId("cam").setSequence(7).setCaptureTime(Instant.ofEpochMilli(123))
                .setFrameWidth(640).setFrameHeight(480).setVariantId("v").setInferenceMillis(1f).setProcessingMillis(2f)
                .setLatencyMillis(3f).setBoxes(List.of(BoundingBox.newBuilder().setClassId(0).setLabel("person")
                        .setScore(0.9f).setX(1).setY(2).setWidth(3).setHeight(4).build()))
                .build();
    }

    @Test
    void shouldWriteConfluentWireFormatUnderTopicNameSubject() {
        byte[] bytes = serde.serializer().serialize(Topics.DETECTIONS.name(), sample());
        int id = registry.latest(Topics.DETECTIONS.name() + "-value").id();
        assertThat(bytes[0]).isEqualTo(WireFormat.MAGIC_BYTE);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        assertThat(serde.deserializer().deserialize(Topics.DETECTIONS.name(), bytes)).isEqualTo(sample());
    }

    @Test
    void shouldRejectWrongMagicByteUnknownIdAndShortPayloads() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {1, 0, 0, 0, 1, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte 0x01");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {0, 0, 0, 0, 99, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Unknown schema id 99");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {0, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("too short");
    }

    @Test
    void shouldRejectTruncatedBody() {
        byte[] bytes = serde.serializer().serialize(Topics.DETECTIONS.name(), sample());
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 10);
        assertThatThrownBy(() -> serde.deserializer().deserialize(Topics.DETECTIONS.name(), cut))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Corrupt Detections");
    }
}
