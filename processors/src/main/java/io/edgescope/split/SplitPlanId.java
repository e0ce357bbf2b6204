package io.edgescope.split;

/**
 * A split plan as named in profiles and activation records: {@code scission:<cut>} (raw tensors) or
 * {@code scissionlite:<cut>:<transfer layer>}.
 */
public record SplitPlanId(String cut, String layer) {

    public static SplitPlanId parse(String id) {
        String[] p = id == null ? new String[0] : id.split(":");
        if (p.length == 2 && p[0].equals(SplitPlanner.SCISSION) && !p[1].isBlank()) {
            return new SplitPlanId(p[1], TransferLayers.RAW);
        }
        if (p.length == 3 && p[0].equals(SplitPlanner.SCISSION_LITE) && !p[1].isBlank()) {
            TransferLayers.byId(p[2]);
            return new SplitPlanId(p[1], p[2]);
        }
        throw new IllegalArgumentException("Not a split plan: '" + id + "' (scission:<cut> or scissionlite:<cut>:<transfer layer>)");
    }

    @Override
    public String toString() {
        return layer.equals(TransferLayers.RAW) ? SplitPlanner.SCISSION + ":" + cut : SplitPlanner.SCISSION_LITE + ":" + cut + ":" + layer;
    }
}
