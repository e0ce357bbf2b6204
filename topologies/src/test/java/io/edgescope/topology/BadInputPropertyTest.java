package io.edgescope.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgescope.registry.SchemaStore;
import io.edgescope.schemas.Frame;
import io.edgescope.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Whatever arrives on the frame topic — random bytes, unknown schema ids, corrupt, truncated, empty,
 * oversize, zero-size or bomb images, oversized headers, mixed with good frames — the topology keeps going and every record is
 * accounted for: detections for the good frames, a dead letter with a reason for each bad one.
 */
class BadInputPropertyTest {

    private static final int MAX_FRAME_BYTES = 50_000;
    private static final long MAX_PIXELS = 1_000_000L;
    private static final byte[] JPEG = TestFrames.jpeg(TestFrames.WIDTH, TestFrames.HEIGHT);

    enum Kind { GOOD, RANDOM_BYTES, UNKNOWN_SCHEMA, CORRUPT_IMAGE, TRUNCATED_IMAGE, EMPTY_IMAGE, OVERSIZE_IMAGE, BOMB_IMAGE, ZERO_SIZE_IMAGE, OVERSIZE_HEADERS, NO_VALUE }

    record Input(Kind kind, byte[] noise) {
    }

    @Provide
    Arbitrary<List<Input>> inputs() {
        Arbitrary<Input> one = Combinators.combine(Arbitraries.of(Kind.class),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300)).as(Input::new);
        return one.list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 25)
    void shouldNeverDieAndAccountForEveryRecord(@ForAll("inputs") List<Input> inputs) throws Exception {
        SchemaStore registry = SchemaStore.inMemory();
        Path state = Files.createTempDirectory("bad-input-property");
        try (TopologyTestDriver driver = new TopologyTestDriver(DetectionTopology.build(new FrameLimits(MAX_FRAME_BYTES, MAX_PIXELS), registry,
                new FakeDetectors(), Clock.fixed(Instant.ofEpochMilli(1_000_500L), ZoneOffset.UTC)),
                TestDrivers.properties("bad-input-property", state))) {
            TestInputTopic<String, Frame> frames = driver.createInputTopic(Topics.FRAMES.name(), new StringSerializer(),
                    Topics.FRAMES.valueSerde(registry).serializer());
            TestInputTopic<String, byte[]> raw = driver.createInputTopic(Topics.FRAMES.name(), new StringSerializer(), new ByteArraySerializer());
            long sequence = 0;
            for (Input in : inputs) {
                switch (in.kind()) {
                    case GOOD -> frames.pipeInput("cam", TestFrames.frame("cam", sequence, JPEG));
                    case RANDOM_BYTES -> raw.pipeInput("cam", in.noise());
                    case UNKNOWN_SCHEMA -> raw.pipeInput("cam", unknownSchema(in.noise()));
                    case CORRUPT_IMAGE -> frames.pipeInput("cam", TestFrames.frame("cam", sequence, in.noise()));
                    case TRUNCATED_IMAGE -> frames.pipeInput("cam", TestFrames.frame("cam", sequence,
                            Arrays.copyOf(JPEG, 1 + Math.floorMod(in.noise()[0], JPEG.length - 2))));
                    case EMPTY_IMAGE -> frames.pipeInput("cam", TestFrames.frame("cam", sequence, new byte[0]));
                    case OVERSIZE_IMAGE -> frames.pipeInput("cam", TestFrames.frame("cam", sequence, new byte[MAX_FRAME_BYTES + 1]));
                    case BOMB_IMAGE -> frames.pipeInput("cam", TestFrames.frame("cam", sequence, io.edgescope.image.TestJpegs.withDeclaredSize(JPEG, 60_000, 60_000)));
                    case ZERO_SIZE_IMAGE -> frames.pipeInput("cam", TestFrames.frame("cam", sequence, io.edgescope.image.TestJpegs.withDeclaredSize(JPEG, 0, 0)));
                    case OVERSIZE_HEADERS -> frames.pipeInput(new org.apache.kafka.streams.test.TestRecord<>("cam", TestFrames.frame("cam", sequence, JPEG),
                            new org.apache.kafka.common.header.internals.RecordHeaders().add("note",
                                    new byte[FrameLimits.MAX_HEADER_BYTES + in.noise().length])));
                    case NO_VALUE -> raw.pipeInput("cam", (byte[]) null);
                }
                sequence++;
            }
            int detections = driver.createOutputTopic(Topics.DETECTIONS.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer())
                    .readRecordsToList().size();
            int deadLetters = driver.createOutputTopic(Topics.FRAMES_DLQ.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer())
                    .readRecordsToList().size();
            long good = inputs.stream().filter(i -> i.kind() == Kind.GOOD).count();
            assertThat(detections).as("detections for %s", inputs.stream().map(Input::kind).toList()).isEqualTo(good);
            assertThat(detections + deadLetters).as("every record accounted for").isEqualTo(inputs.size());
        }
    }

    /** Confluent framing with a schema id no registry has. */
    private static byte[] unknownSchema(byte[] body) {
        byte[] out = new byte[5 + body.length];
        out[0] = 0;
        out[1] = 0x7f;
        out[2] = 0x7f;
        out[3] = 0x7f;
        out[4] = 0x7f;
        System.arraycopy(body, 0, out, 5, body.length);
        return out;
    }
}
