package io.edgescope.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgescope.detect.Detection;
import io.edgescope.roma.AccuracyProfile;
import io.edgescope.roma.RomaSettings;
import io.edgescope.roma.SharedCores;
import io.edgescope.roma.SizeBuckets;
import io.edgescope.roma.VariantAccuracy;
import java.util.List;
import org.junit.jupiter.api.Test;

class RomaStreamsTest {

    private static final String FAST = "yolox-nano-320";
    private static final String ACCURATE = "yolox-nano-640";
    private static final double FAST_MS = 10;
    private static final double ACCURATE_MS = 40;
    private static final double INTERVAL_MS = 100;
    private static final double SLOWDOWN = 0.5;
    private static final int SIDE = 640;

    @Test
    void shouldSeatEveryRomaStreamOfTheProcessOnTheContextsSharedCores() {
        AccuracyProfile profile = AccuracyProfile.of(new SizeBuckets(List.of(0.5)), List.of(
                new VariantAccuracy(FAST, 0.70, new double[] {0.70, 0.70}, new double[] {0.8, 0.8}, FAST_MS),
                new VariantAccuracy(ACCURATE, 0.80, new double[] {0.80, 0.80}, new double[] {0.9, 0.9}, ACCURATE_MS)));
        RomaContext context = RomaContext.of(profile, RomaSettings.DEFAULT.withContentionSlowdown(SLOWDOWN));
        RomaStreams streams = new RomaStreams(context, new FakeDetectors());
        SharedCores.Member watcher = context.cores().join();
        List<Detection> person = List.of(new Detection(0, "person", 0.9f, 100, 100, 200, 400));

        for (String stream : List.of("cam-a", "cam-b")) {
            String variant = streams.wanted(stream);
            double latency = profile.variant(variant).latencyMillis();
            streams.observe(stream, variant, person, SIDE, SIDE, 0, latency, 0, INTERVAL_MS);
        }

        double busy = 0;
        for (String stream : List.of("cam-a", "cam-b")) {
            busy += profile.variant(streams.wanted(stream)).latencyMillis() / INTERVAL_MS;
        }
        assertThat(watcher.contention()).as("both streams' duty cycles on the process's cores").isCloseTo(1 + SLOWDOWN * busy, within(0.05));
    }
}
