package io.edgescope.split;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Scission's search for two tiers, with ScissionLite's transfer layers: every placement — the whole
 * detector on the device, the frame sent to the edge as JPEG (edge-only), or a cut with the device
 * running the head and the edge the tail, with each transfer layer — costed as device compute +
 * transfer-layer encode + link (rtt + bytes / bandwidth) + decode + edge compute, then filtered by
 * the constraints and sorted by predicted latency; optionally plus the hop through Kafka. Pure.
 */
public final class SplitPlanner {

    public static final String DEVICE_ONLY = "device-only";
    public static final String EDGE_ONLY = "edge-only";
    public static final String SCISSION = "scission";
    public static final String SCISSION_LITE = "scissionlite";
    private static final double BITS_PER_BYTE = 8;
    private static final double BITS_PER_MILLI_PER_MBPS = 1000;

    /** The link from device to edge. */
    public record Link(double bandwidthMbps, double rttMillis) {
        public Link {
            if (!(bandwidthMbps > 0) || rttMillis < 0) {
                throw new IllegalArgumentException("bandwidth must be positive and rtt not negative");
            }
        }

        public double transferMillis(long bytes) {
            return rttMillis + bytes * BITS_PER_BYTE / (bandwidthMbps * BITS_PER_MILLI_PER_MBPS);
        }
    }

    /**
     * What the hop through Kafka between the device and edge processors adds to a transfer, on top of the link. A device processor
     * running exactly-once makes an activation visible when its transaction commits, every {@code commitIntervalMillis}; the send
     * itself takes the link's time T, so the activation waits max(T, W) with W the time to the next commit, uniform over the
     * interval: on average T + (C - T)^2 / 2C while T < C, T after. Beyond that, a fixed part and a part per megabyte (serialising,
     * appending, fetching, deserialising), measured by {@code bench split --kafka}. Frames sent to the edge (edge-only) come from a
     * camera's plain producer: no commit to wait for.
     */
    public record BrokerHop(double commitIntervalMillis, double fixedMillis, double millisPerMegabyte) {
        /** No hop: the link alone (Scission's model, and the in-process emulation). */
        public static final BrokerHop NONE = new BrokerHop(0, 0, 0);
        private static final double BYTES_PER_MEGABYTE = 1_000_000;

        public BrokerHop {
            if (!(commitIntervalMillis >= 0) || !Double.isFinite(fixedMillis) || !Double.isFinite(millisPerMegabyte)) {
                throw new IllegalArgumentException("broker hop: the commit interval must not be negative, the costs finite");
            }
        }

        /** Mean wait for the device's commit beyond a send of {@code linkMillis}. */
        public double commitWaitMillis(double linkMillis) {
            double c = commitIntervalMillis;
            return linkMillis >= c ? 0 : (c - linkMillis) * (c - linkMillis) / (2 * c);
        }

        /** What the hop adds to {@code bytes} sent in {@code linkMillis}, from a transactional producer or not. */
        public double millis(long bytes, double linkMillis, boolean transactional) {
            return (transactional ? commitWaitMillis(linkMillis) : 0) + fixedMillis + millisPerMegabyte * bytes / BYTES_PER_MEGABYTE;
        }

        /**
         * The hop through two measurements over Kafka with no emulated link (so each waited half a commit interval on average):
         * the line through them less that wait; a flat line where the sizes are the same.
         */
        public static BrokerHop fit(double commitIntervalMillis, long smallBytes, double smallMillis, long largeBytes, double largeMillis) {
            double wait = commitIntervalMillis / 2;
            if (largeBytes == smallBytes) {
                return new BrokerHop(commitIntervalMillis, (smallMillis + largeMillis) / 2 - wait, 0);
            }
            double perMegabyte = (largeMillis - smallMillis) / (largeBytes - smallBytes) * BYTES_PER_MEGABYTE;
            return new BrokerHop(commitIntervalMillis, smallMillis - wait - perMegabyte * smallBytes / BYTES_PER_MEGABYTE, perMegabyte);
        }
    }

    /** Where a pinned node must run. */
    public enum Tier { DEVICE, EDGE }

    /**
     * Scission's pinning: node {@code name}, at {@code order} in the graph's topological order, must run on {@code tier} (e.g. a layer
     * that must see the raw frame on the device, or one the edge's accelerator must run).
     */
    public record Pin(Tier tier, int order, String name) {
        /** Whether a placement running nodes 0..{@code lastOnDevice} on the device (-1: none, all: every node) keeps this pin. */
        boolean keptBy(int lastOnDevice) {
            return tier == Tier.DEVICE ? order <= lastOnDevice : order > lastOnDevice;
        }
    }

    /**
     * @param maxUploadBytes bytes the device may send per frame (0: no limit)
     * @param framesStayOnDevice raw frames must not leave the device (privacy): no edge-only
     * @param apLoss measured AP50 loss per cut id and transfer layer (lossless {@code raw} layers need no entry)
     * @param apBudget largest AP50 loss (fraction of the unsplit AP50) a transfer layer may cost
     * @param pins nodes that must run on a given tier
     */
    public record Constraints(long maxUploadBytes, boolean framesStayOnDevice, Map<String, Map<String, Double>> apLoss, double apBudget,
                              List<Pin> pins) {
        public Constraints {
            apLoss = Map.copyOf(apLoss);
            pins = List.copyOf(pins);
        }

        public Constraints(long maxUploadBytes, boolean framesStayOnDevice, Map<String, Map<String, Double>> apLoss, double apBudget) {
            this(maxUploadBytes, framesStayOnDevice, apLoss, apBudget, List.of());
        }

        /** Why a placement running nodes 0..{@code lastOnDevice} on the device breaks a pin, or null. */
        String pinBroken(int lastOnDevice) {
            return pins.stream().filter(p -> !p.keptBy(lastOnDevice)).findFirst()
                    .map(p -> p.name() + " is pinned to the " + p.tier().name().toLowerCase(java.util.Locale.ROOT)).orElse(null);
        }

        boolean layerAllowed(String cut, String layer) {
            if (TransferLayers.lossless(layer)) {
                return true;
            }
            Double loss = apLoss.getOrDefault(cut, Map.of()).get(layer);
            return loss != null && loss <= apBudget;
        }
    }

    /**
     * One placement and its predicted cost.
     *
     * @param id {@code device-only}, {@code edge-only}, {@code scission:<cut>} or {@code scissionlite:<cut>:<layer>}
     * @param excluded why the constraints rule it out, or null
     */
    public record Plan(String id, String cut, String layer, long bytesSent, double deviceMillis, double transferMillis, double edgeMillis,
                       String excluded) {
        public double totalMillis() {
            return deviceMillis + transferMillis + edgeMillis;
        }
    }

    private SplitPlanner() {
    }

    /** Every placement, allowed ones first, each group by predicted latency. */
    public static List<Plan> plans(TierProfile device, TierProfile edge, Link link, Constraints c) {
        return plans(device, edge, link, BrokerHop.NONE, c);
    }

    /** As above, with what the hop through Kafka adds to each transfer (edge-only's frame and every split's activation). */
    public static List<Plan> plans(TierProfile device, TierProfile edge, Link link, BrokerHop hop, Constraints c) {
        List<Plan> out = new ArrayList<>();
        out.add(new Plan(DEVICE_ONLY, null, null, 0, device.fullMillis(), 0, 0, c.pinBroken(Integer.MAX_VALUE)));
        out.add(check(new Plan(EDGE_ONLY, null, null, device.jpegBytes(), device.jpegEncodeMillis(), transferMillis(link, hop, device.jpegBytes(), false),
                edge.jpegDecodeMillis() + edge.fullMillis(), c.framesStayOnDevice() ? "raw frames must stay on the device" : c.pinBroken(-1)), c));
        for (Map.Entry<String, TierProfile.CutTiming> e : device.cuts().entrySet()) {
            TierProfile.CutTiming d = e.getValue();
            TierProfile.CutTiming t = edge.cuts().get(e.getKey());
            if (t == null) {
                continue;
            }
            for (Map.Entry<String, Long> layer : d.bytes().entrySet()) {
                String id = layer.getKey().equals(TransferLayers.RAW) ? SCISSION + ":" + e.getKey()
                        : SCISSION_LITE + ":" + e.getKey() + ":" + layer.getKey();
                String excluded = c.layerAllowed(e.getKey(), layer.getKey()) ? c.pinBroken(d.order())
                        : "transfer layer " + layer.getKey() + " not measured within the AP budget at this cut";
                Double decode = t.decodeMillis().get(layer.getKey());
                if (decode == null) {
                    continue;
                }
                out.add(check(new Plan(id, e.getKey(), layer.getKey(), layer.getValue(), d.headMillis() + d.encodeMillis().get(layer.getKey()),
                        transferMillis(link, hop, layer.getValue(), true),
                        decode + t.tailMillis(), excluded), c));
            }
        }
        out.sort(Comparator.comparing((Plan p) -> p.excluded() != null).thenComparingDouble(Plan::totalMillis));
        return out;
    }

    /** The link's time for {@code bytes} and what the hop through Kafka adds to it (a transactional sender waits for its commit). */
    private static double transferMillis(Link link, BrokerHop hop, long bytes, boolean transactional) {
        double send = link.transferMillis(bytes);
        return send + hop.millis(bytes, send, transactional);
    }

    private static Plan check(Plan p, Constraints c) {
        if (p.excluded() == null && c.maxUploadBytes() > 0 && p.bytesSent() > c.maxUploadBytes()) {
            return new Plan(p.id(), p.cut(), p.layer(), p.bytesSent(), p.deviceMillis(), p.transferMillis(), p.edgeMillis(),
                    "sends " + p.bytesSent() + " bytes, over the upload limit " + c.maxUploadBytes());
        }
        return p;
    }
}
