package io.edgescope.eval;

/**
 * How to derive a harder sequence from a labelled one.
 *
 * @param every keep every k-th frame (temporal subsampling: objects move k times faster per frame)
 * @param scale resize factor for frames and boxes, in (0, 1] (smaller objects)
 * @param fps frame rate of the result; 0 keeps the source's
 * @param seed picks which of the k phases is kept (offset in [0, k)); same seed, same result
 */
public record Scenario(int every, double scale, double fps, long seed) {
    public Scenario {
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1, got " + every);
        }
        if (!(scale > 0 && scale <= 1)) {
            throw new IllegalArgumentException("scale must be in (0, 1], got " + scale);
        }
        if (fps < 0) {
            throw new IllegalArgumentException("fps must not be negative, got " + fps);
        }
    }

    /** The first source frame kept (1-based). */
    public int firstFrame() {
        return 1 + (int) Math.floorMod(new java.util.SplittableRandom(seed).nextLong(), (long) every);
    }
}
