package io.edgescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgescope.bench.split.TierProfiles;
import io.edgescope.split.TierProfile;
import io.edgescope.split.TransferLayers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScissionCommandTest {

    private static Path tier(Path dir, String name, double full, double head, double tail) {
        TierProfile.CutTiming cut = new TierProfile.CutTiming(10, 1, head, tail,
                Map.of(TransferLayers.RAW, 692_000L, TransferLayers.UINT8 + TransferLayers.ZSTD, 110_000L),
                Map.of(TransferLayers.RAW, 0.5, TransferLayers.UINT8 + TransferLayers.ZSTD, 3.0),
                Map.of(TransferLayers.RAW, 0.5, TransferLayers.UINT8 + TransferLayers.ZSTD, 2.0));
        Path file = dir.resolve(name + ".json");
        TierProfiles.write(new TierProfile(name, "host", 1, 1, "yolox-nano-416", full, 2, 2, 40_000, Map.of("Mul_115", cut)), file);
        return file;
    }

    @Test
    void shouldReadBackATierProfile(@TempDir Path dir) {
        TierProfile back = TierProfiles.read(tier(dir, "device", 120, 40, 80));
        assertThat(back.fullMillis()).isEqualTo(120);
        assertThat(back.cuts().get("Mul_115").bytes()).containsEntry(TransferLayers.RAW, 692_000L);
    }

    @Test
    void shouldRankPlacementsAndHonourTheKeepFramesOnDeviceConstraint(@TempDir Path dir) throws Exception {
        Path device = tier(dir, "device", 120, 40, 80);
        Path edge = tier(dir, "edge", 15, 5, 10);
        CliRun open = CliRun.of("scission", "plan", "--device", device.toString(), "--edge", edge.toString(), "--bandwidth", "20",
                "--rtt", "5", "--json");
        assertThat(open.exit()).as(open.err()).isZero();
        JsonNode plans = new ObjectMapper().readTree(open.out());
        assertThat(plans.get(0).get("plan").asText()).isEqualTo("edge-only");
        assertThat(plans.get(0).get("predicted_ms").asDouble()).isBetween(35.0, 40.0);

        CliRun closed = CliRun.of("scission", "plan", "--device", device.toString(), "--edge", edge.toString(), "--bandwidth", "20",
                "--rtt", "5", "--keep-frames-on-device");
        assertThat(closed.exit()).as(closed.err()).isZero();
        assertThat(closed.out()).contains("raw frames stay on the device").contains("excluded: raw frames must stay on the device");
        assertThat(closed.out().lines().filter(l -> l.startsWith("| 1 |")).findFirst().orElseThrow()).contains("device-only");
    }

    @Test
    void shouldHonourPinsLookedUpInTheDetectorsGraph(@TempDir Path dir) throws Exception {
        Path device = tier(dir, "device", 120, 40, 80);
        Path edge = tier(dir, "edge", 15, 5, 10);
        // Conv_41 is node 9 of the graph: pinned to the device, edge-only is out; pinned to the edge, device-only and the cut after node 10
        JsonNode onDevice = plans(device, edge, "device:Conv_41");
        assertThat(onDevice.get(0).get("plan").asText()).isEqualTo("device-only");
        assertThat(excluded(onDevice, "edge-only")).isEqualTo("Conv_41 is pinned to the device");
        assertThat(excluded(onDevice, "scission:Mul_115")).isNull();
        JsonNode onEdge = plans(device, edge, "edge:Conv_41");
        assertThat(onEdge.get(0).get("plan").asText()).isEqualTo("edge-only");
        assertThat(excluded(onEdge, "device-only")).isEqualTo("Conv_41 is pinned to the edge");
        assertThat(excluded(onEdge, "scission:Mul_115")).isEqualTo("Conv_41 is pinned to the edge");

        CliRun unknown = CliRun.of("scission", "plan", "--device", device.toString(), "--edge", edge.toString(), "--bandwidth", "20",
                "--pin", "device:NoSuchNode");
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.err()).contains("no node of that name");
    }

    private static JsonNode plans(Path device, Path edge, String pin) throws Exception {
        CliRun run = CliRun.of("scission", "plan", "--device", device.toString(), "--edge", edge.toString(), "--bandwidth", "20",
                "--rtt", "5", "--pin", pin, "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    private static String excluded(JsonNode plans, String id) {
        for (JsonNode p : plans) {
            if (p.get("plan").asText().equals(id)) {
                return p.get("excluded").isNull() ? null : p.get("excluded").asText();
            }
        }
        throw new AssertionError("no plan " + id + " in " + plans);
    }

    @Test
    void shouldSayClearlyWhenAProfileIsNotOne(@TempDir Path dir) throws Exception {
        Path bad = java.nio.file.Files.writeString(dir.resolve("x.json"), "{}");
        CliRun run = CliRun.of("scission", "plan", "--device", bad.toString(), "--edge", bad.toString(), "--bandwidth", "10");
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("Not a tier profile");
    }

    @Test
    void shouldListTheCutPointsOfTheDetector() {
        CliRun cuts = CliRun.of("scission", "cuts", "--max-tensors", "1");
        assertThat(cuts.exit()).as(cuts.err()).isZero();
        assertThat(cuts.out()).contains("| Mul_115 |").doesNotContain("Mul_196");
    }
}
