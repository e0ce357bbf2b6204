package io.edgescope.roma;

/** A detected box in pixels (only geometry matters here). */
public record Box(double x, double y, double width, double height) {

    public double centerX() {
        return x + width / 2;
    }

    public double centerY() {
        return y + height / 2;
    }

    /** Square root of the area: one size measure for boxes of any aspect. */
    public double side() {
        return Math.sqrt(Math.max(0, width) * Math.max(0, height));
    }
}
