package io.edgescope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code edgescope evaluate} on a tiny hand-made sequence whose scores are worked out by hand. */
class EvaluateCommandTest {

    private static String run(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exit()).as(run.err()).isZero();
        return run.out();
    }

    /** 3 frames at 10 fps, one walker per frame moving 50 px per frame. */
    private static Path sequence(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("gt"));
        Files.writeString(dir.resolve("seqinfo.ini"), """
                [Sequence]
                name=Tiny
                imDir=img1
                frameRate=10
                seqLength=3
                imWidth=640
                imHeight=480
                imExt=.jpg
                """);
        Files.writeString(dir.resolve("gt/gt.txt"), """
                1,1,100,100,40,100,1,-1,-1,-1
                2,1,150,100,40,100,1,-1,-1,-1
                3,1,200,100,40,100,1,-1,-1,-1
                """);
        return dir;
    }

    @Test
    void shouldScoreMotDetectionsAndJsonLinesAlike(@TempDir Path dir) throws Exception {
        Path seq = sequence(dir.resolve("Tiny"));
        // frames 1 and 2 exact, frame 3 missed, plus one false positive on frame 3 with a low score
        Path det = Files.writeString(dir.resolve("det.txt"), """
                1,-1,100,100,40,100,0.9,-1,-1,-1
                2,-1,150,100,40,100,0.8,-1,-1,-1
                3,-1,500,300,40,100,0.1,-1,-1,-1
                """);
        JsonNode mot = new ObjectMapper().readTree(run("evaluate", "--gt", seq.toString(), "--detections", det.toString(), "--json"));
        // precision 1 up to recall 2/3 (67 of 101 recall points), then nothing: AP50 = 67/101
        assertThat(mot.get("ap50").asDouble()).isCloseTo(67.0 / 101, within(1e-9));
        assertThat(mot.get("frames").asInt()).isEqualTo(3);

        Path jsonl = Files.writeString(dir.resolve("det.jsonl"), String.join("\n",
                record(0, 100, 0.9, 20), record(1, 150, 0.8, 20), record(2, 500, 0.1, 20)));
        JsonNode fromJsonl = new ObjectMapper().readTree(run("evaluate", "--gt", seq.toString(), "--detections", jsonl.toString(),
                "--json"));
        assertThat(fromJsonl.get("ap50").asDouble()).isEqualTo(mot.get("ap50").asDouble());
    }

    @Test
    void shouldShowStaleBoxesWhenTheDetectorIsSlowerThanTheCamera(@TempDir Path dir) throws Exception {
        Path seq = sequence(dir.resolve("Tiny"));
        Path jsonl = Files.writeString(dir.resolve("det.jsonl"), String.join("\n",
                record(0, 100, 0.9, 150), record(1, 150, 0.9, 150), record(2, 200, 0.9, 150)));
        JsonNode r = new ObjectMapper().readTree(run("evaluate", "--gt", seq.toString(), "--detections", jsonl.toString(),
                "--realtime", "--json"));
        assertThat(r.get("ap50").asDouble()).isEqualTo(1.0);
        // 150 ms per frame at 100 ms per frame: frame 1 shows nothing, frames 2 and 3 show boxes one frame old,
        // 50 px behind a 40 px wide walker: no true positive at all
        assertThat(r.get("realtime_ap50").asDouble()).isZero();
        assertThat(r.get("mean_staleness_frames").asDouble()).isEqualTo(1.0);
        assertThat(r.get("dropped_fraction").asDouble()).isZero();
    }

    private static String record(int sequence, int x, double score, double processingMillis) {
        return "{\"streamId\":\"t\",\"sequence\":" + sequence + ",\"processingMillis\":" + processingMillis
                + ",\"boxes\":[{\"classId\":0,\"label\":\"person\",\"score\":" + score + ",\"x\":" + x
                + ",\"y\":100,\"width\":40,\"height\":100},{\"classId\":2,\"label\":\"car\",\"score\":0.99,\"x\":0,\"y\":0,"
                + "\"width\":40,\"height\":100}]}";
    }
}
