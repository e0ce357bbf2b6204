package io.edgescope.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgescope.schemas.BoundingBox;
import io.edgescope.schemas.Detections;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectionFilterTest {

    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    private static BoundingBox box(String label, float score) {
        return BoundingBox.newBuilder().setClassId(0).setLabel(label).setScore(score).setX(1).setY(2).setWidth(3).setHeight(4).build();
    }

    private static Detections detections(String stream, Instant at, BoundingBox... boxes) {
        return Detections.newBuilder().setStreamId(stream).setSequence(7).setCaptureTime(at).setFrameWidth(640).setFrameHeight(480)
                .setVariantId("yolox-nano-416").setInferenceMillis(1).setProcessingMillis(2).setLatencyMillis(3).setBoxes(List.of(boxes)).build();
    }

    @Test
    void shouldKeepOnlyTheAskedClassAboveTheScoreAndDropFramesWithoutOne() {
        DetectionFilter people = DetectionFilter.of(Map.of("class", "person", "minScore", "0.5"));
        Detections mixed = detections("gate", T, box("person", 0.9f), box("person", 0.4f), box("car", 0.95f));
        assertThat(people.apply(mixed)).get().satisfies(d -> assertThat(d.getBoxes()).extracting(BoundingBox::getScore).containsExactly(0.9f));
        assertThat(people.apply(detections("gate", T, box("car", 0.99f)))).isEmpty();
    }

    @Test
    void shouldFilterByStreamAndCaptureTimeAndKeepEmptyFramesWhenNoClassIsAsked() {
        DetectionFilter f = DetectionFilter.of(Map.of("stream", "gate", "from", "2026-11-25T09:59:00Z", "to", "2026-11-25T10:00:00Z"));
        assertThat(f.apply(detections("gate", T))).isPresent();
        assertThat(f.apply(detections("dock", T))).isEmpty();
        assertThat(f.apply(detections("gate", T.plusMillis(1)))).isEmpty();
        assertThat(f.apply(detections("gate", T.minusSeconds(61)))).isEmpty();
    }

    @Test
    void shouldRefuseBadParametersWithAClearMessage() {
        assertThatThrownBy(() -> DetectionFilter.of(Map.of("from", "yesterday"))).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> DetectionFilter.of(Map.of("minScore", "2"))).hasMessageContaining("[0, 1]");
    }

    @Test
    void shouldExportOneCsvRowPerBoxQuotingWhereNeeded() {
        String csv = DetectionExport.csv(List.of(detections("gate,north", T, box("person", 0.9f), box("car", 0.5f)), detections("dock", T)));
        assertThat(csv.lines()).containsExactly(DetectionExport.CSV_HEADER,
                "\"gate,north\",7,2026-11-25T10:00:00Z,yolox-nano-416,person,0.9000,1.0,2.0,3.0,4.0",
                "\"gate,north\",7,2026-11-25T10:00:00Z,yolox-nano-416,car,0.5000,1.0,2.0,3.0,4.0",
                "dock,7,2026-11-25T10:00:00Z,yolox-nano-416,,,,,,");
    }
}
