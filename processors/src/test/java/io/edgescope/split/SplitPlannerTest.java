package io.edgescope.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitPlannerTest {

    private static final String POOL = TransferLayers.POOL;
    private static final String RAW = TransferLayers.RAW;

    /** A slow device, a fast edge, one cut sending 100 kB raw or 25 kB pooled; the frame as JPEG is 40 kB. */
    private static TierProfile tier(String name, double full, double head, double tail) {
        TierProfile.CutTiming cut = new TierProfile.CutTiming(10, 1, head, tail, Map.of(RAW, 100_000L, POOL, 25_000L),
                Map.of(RAW, 0.0, POOL, 1.0), Map.of(RAW, 0.0, POOL, 1.0));
        return new TierProfile(name, "h", 1, 1, "m", full, 0, 2, 40_000, Map.of("Mul_115", cut));
    }

    private static final TierProfile DEVICE = tier("device", 200, 60, 140);
    private static final TierProfile EDGE = tier("edge", 20, 6, 14);

    @Test
    void shouldCostEachPlacementAsComputePlusTransfer() {
        List<SplitPlanner.Plan> plans = SplitPlanner.plans(DEVICE, EDGE, new SplitPlanner.Link(8, 10),
                new SplitPlanner.Constraints(0, false, Map.of(), 0.01));
        SplitPlanner.Plan edgeOnly = plans.stream().filter(p -> p.id().equals(SplitPlanner.EDGE_ONLY)).findFirst().orElseThrow();
        // 40 kB at 8 Mbit/s = 40 ms, + 10 ms rtt; edge decodes (2) and runs the model (20)
        assertThat(edgeOnly.totalMillis()).isCloseTo(72, within(1e-9));
        SplitPlanner.Plan split = plans.stream().filter(p -> p.id().equals("scission:Mul_115")).findFirst().orElseThrow();
        assertThat(split.totalMillis()).isCloseTo(60 + 10 + 100 + 14, within(1e-9));
        assertThat(plans.get(0).id()).isEqualTo(SplitPlanner.EDGE_ONLY);
    }

    @Test
    void shouldAddTheBrokerHopToEveryTransferAndTheCommitWaitToActivationsOnly() {
        SplitPlanner.BrokerHop hop = new SplitPlanner.BrokerHop(200, 5, 20);
        List<SplitPlanner.Plan> plans = SplitPlanner.plans(DEVICE, EDGE, new SplitPlanner.Link(8, 10), hop,
                new SplitPlanner.Constraints(0, false, Map.of(), 0.01));
        SplitPlanner.Plan edgeOnly = plans.stream().filter(p -> p.id().equals(SplitPlanner.EDGE_ONLY)).findFirst().orElseThrow();
        // 72 ms as without the hop, + 5 fixed + 20 ms/MB x 0.04 MB; a camera's frames wait for no commit
        assertThat(edgeOnly.totalMillis()).isCloseTo(72 + 5 + 0.8, within(1e-9));
        SplitPlanner.Plan split = plans.stream().filter(p -> p.id().equals("scission:Mul_115")).findFirst().orElseThrow();
        // the activation's send takes 110 ms of the 200-ms commit interval: (200 - 110)^2 / 400 = 20.25 ms more wait on average
        assertThat(split.totalMillis()).isCloseTo(60 + 10 + 100 + 14 + 20.25 + 5 + 2, within(1e-9));
        SplitPlanner.Plan deviceOnly = plans.stream().filter(p -> p.id().equals(SplitPlanner.DEVICE_ONLY)).findFirst().orElseThrow();
        assertThat(deviceOnly.totalMillis()).isEqualTo(200);
    }

    @Test
    void shouldWaitHalfACommitIntervalWithoutALinkAndNothingWhenTheSendOutlastsIt() {
        SplitPlanner.BrokerHop hop = new SplitPlanner.BrokerHop(100, 0, 0);
        assertThat(hop.commitWaitMillis(0)).isEqualTo(50);
        assertThat(hop.commitWaitMillis(100)).isZero();
        assertThat(hop.commitWaitMillis(250)).isZero();
        assertThat(SplitPlanner.BrokerHop.NONE.millis(1_000_000, 0, true)).isZero();
    }

    @Test
    void shouldFitTheBrokerHopThroughTwoMeasuredSizesLessHalfACommitInterval() {
        SplitPlanner.BrokerHop hop = SplitPlanner.BrokerHop.fit(100, 100_000, 102, 600_000, 112);
        assertThat(hop.millisPerMegabyte()).isCloseTo(20, within(1e-9));
        assertThat(hop.fixedMillis()).isCloseTo(50, within(1e-9));
        assertThat(SplitPlanner.BrokerHop.fit(100, 100_000, 100, 100_000, 104)).isEqualTo(new SplitPlanner.BrokerHop(100, 52, 0));
    }

    @Test
    void shouldForceASplitWhenFramesMustStayOnTheDeviceAndUseTheTransferLayerOnlyWithinTheApBudget() {
        SplitPlanner.Link slow = new SplitPlanner.Link(2, 10);
        SplitPlanner.Constraints privateUnmeasured = new SplitPlanner.Constraints(0, true, Map.of(), 0.01);
        List<SplitPlanner.Plan> plans = SplitPlanner.plans(DEVICE, EDGE, slow, privateUnmeasured);
        assertThat(plans.stream().filter(p -> p.id().equals(SplitPlanner.EDGE_ONLY)).findFirst().orElseThrow().excluded()).contains("stay on the device");
        assertThat(plans.stream().filter(p -> p.id().equals("scissionlite:Mul_115:pool")).findFirst().orElseThrow().excluded()).isNotNull();
        assertThat(plans.get(0).id()).isEqualTo(SplitPlanner.DEVICE_ONLY);

        SplitPlanner.Constraints measured = new SplitPlanner.Constraints(0, true, Map.of("Mul_115", Map.of(POOL, 0.005)), 0.01);
        assertThat(SplitPlanner.plans(DEVICE, EDGE, slow, measured).get(0).id()).isEqualTo("scissionlite:Mul_115:pool");
    }

    @Test
    void shouldExcludePlansOverTheUploadLimit() {
        List<SplitPlanner.Plan> plans = SplitPlanner.plans(DEVICE, EDGE, new SplitPlanner.Link(100, 1),
                new SplitPlanner.Constraints(30_000, false, Map.of(), 0.01));
        assertThat(plans).filteredOn(p -> p.excluded() == null).extracting(SplitPlanner.Plan::id).containsExactly(SplitPlanner.DEVICE_ONLY);
    }

    @Test
    void shouldKeepPinnedNodesOnTheirTier() {
        // the cut is after node 10: a node pinned to the device at 5 allows it, one at 12 does not; an edge pin at 3 rules it out
        SplitPlanner.Constraints deviceEarly = new SplitPlanner.Constraints(0, false, Map.of(), 0.01,
                List.of(new SplitPlanner.Pin(SplitPlanner.Tier.DEVICE, 5, "Conv_5")));
        List<SplitPlanner.Plan> plans = SplitPlanner.plans(DEVICE, EDGE, new SplitPlanner.Link(8, 10), deviceEarly);
        assertThat(excluded(plans, SplitPlanner.EDGE_ONLY)).isEqualTo("Conv_5 is pinned to the device");
        assertThat(excluded(plans, SplitPlanner.DEVICE_ONLY)).isNull();
        assertThat(excluded(plans, "scission:Mul_115")).isNull();

        SplitPlanner.Constraints deviceLate = new SplitPlanner.Constraints(0, false, Map.of(), 0.01,
                List.of(new SplitPlanner.Pin(SplitPlanner.Tier.DEVICE, 12, "Conv_12")));
        assertThat(excluded(SplitPlanner.plans(DEVICE, EDGE, new SplitPlanner.Link(8, 10), deviceLate), "scission:Mul_115"))
                .isEqualTo("Conv_12 is pinned to the device");

        SplitPlanner.Constraints edgeEarly = new SplitPlanner.Constraints(0, false, Map.of(), 0.01,
                List.of(new SplitPlanner.Pin(SplitPlanner.Tier.EDGE, 3, "Conv_3")));
        List<SplitPlanner.Plan> onEdge = SplitPlanner.plans(DEVICE, EDGE, new SplitPlanner.Link(8, 10), edgeEarly);
        assertThat(excluded(onEdge, SplitPlanner.DEVICE_ONLY)).isEqualTo("Conv_3 is pinned to the edge");
        assertThat(excluded(onEdge, "scission:Mul_115")).isEqualTo("Conv_3 is pinned to the edge");
        assertThat(excluded(onEdge, SplitPlanner.EDGE_ONLY)).isNull();
        assertThat(onEdge.get(0).id()).isEqualTo(SplitPlanner.EDGE_ONLY);
    }

    private static String excluded(List<SplitPlanner.Plan> plans, String id) {
        return plans.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow().excluded();
    }
}
