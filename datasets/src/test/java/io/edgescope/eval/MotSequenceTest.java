package io.edgescope.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgescope.assets.SharedFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MotSequenceTest {

    private static final Path FILE = Path.of("gt.txt");

    @Test
    void shouldReadMot15RowsWithFlagZeroAsIgnored() {
        assertThat(MotSequence.parse("1,1,10,20,30,40,1,-1,-1,-1", 640, 480, FILE, 1))
                .contains(new GtBox(1, 10, 20, 30, 40, false));
        assertThat(MotSequence.parse("1,1,10,20,30,40,0,-1,-1,-1", 640, 480, FILE, 1)).get().extracting(GtBox::ignore)
                .isEqualTo(true);
    }

    @Test
    void shouldReadMot16RowsByClass() {
        assertThat(MotSequence.parse("3,7,10,20,30,40,1,1,0.8", 640, 480, FILE, 1)).get().extracting(GtBox::ignore).isEqualTo(false);
        assertThat(MotSequence.parse("3,7,10,20,30,40,0,1,0.8", 640, 480, FILE, 1)).get().extracting(GtBox::ignore).isEqualTo(true);
        assertThat(MotSequence.parse("3,7,10,20,30,40,1,7,0.8", 640, 480, FILE, 1)).get().extracting(GtBox::ignore).isEqualTo(true);
        assertThat(MotSequence.parse("3,7,10,20,30,40,1,8,0.8", 640, 480, FILE, 1)).get().extracting(GtBox::ignore).isEqualTo(true);
        assertThat(MotSequence.parse("3,7,10,20,30,40,1,3,0.8", 640, 480, FILE, 1)).isEmpty();
    }

    @Test
    void shouldClipBoxesToTheImage() {
        assertThat(MotSequence.parse("1,1,-10,470,30,40,1,-1,-1,-1", 640, 480, FILE, 1))
                .contains(new GtBox(1, 0, 470, 20, 10, false));
        assertThat(MotSequence.parse("1,1,700,10,30,40,1,-1,-1,-1", 640, 480, FILE, 1)).isEmpty();
    }

    @Test
    void shouldLoadALabelledSequence() {
        MotSequence seq = MotSequence.load(SharedFolder.find().orElseThrow().resolve("datasets/TUD-Campus"));
        assertThat(seq.fps()).isEqualTo(25.0);
        assertThat(seq.length()).isEqualTo(71);
        assertThat(seq.width()).isEqualTo(640);
        assertThat(seq.truthOf(1)).isNotEmpty();
        assertThat(seq.truth().values().stream().mapToInt(java.util.List::size).sum()).isPositive();
    }

    @Test
    void shouldZoomOutLabelsToTheCentreOfTheSameFrame() {
        MotSequence seq = new MotSequence("s", Path.of("."), 25, 1, 800, 600,
                java.util.Map.of(1, java.util.List.of(new GtBox(1, 100, 50, 40, 80, false))), null, MotSequence.AS_RECORDED);
        MotSequence small = seq.zoomedOut(0.5, " small");
        assertThat(small.name()).isEqualTo("s small");
        assertThat(small.width()).isEqualTo(800);
        assertThat(small.zoom()).isEqualTo(0.5);
        assertThat(small.truthOf(1)).containsExactly(new GtBox(1, 250, 175, 20, 40, false));
    }
}
