package io.edgescope.split;

/** IEEE 754 half precision (binary16) conversion, round to nearest even; Java 17 has no built-in one. */
final class Half {

    private static final int SIGN_SHIFT = 16;
    private static final int FLOAT_EXP_BIAS = 127;
    private static final int HALF_EXP_BIAS = 15;
    private static final int FLOAT_MANTISSA_BITS = 23;
    private static final int HALF_MANTISSA_BITS = 10;
    private static final int SHIFT = FLOAT_MANTISSA_BITS - HALF_MANTISSA_BITS;
    private static final int HALF_EXP_MAX = 31;
    private static final int HALF_INF = 0x7C00;
    private static final int HALF_NAN = 0x7E00;
    private static final int HALF_MANTISSA_MASK = 0x3FF;
    private static final int FLOAT_MANTISSA_MASK = 0x7FFFFF;
    private static final int FLOAT_EXP_MASK = 0xFF;
    private static final int HALF_EXP_MASK = 0x1F;

    private Half() {
    }

    static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> SIGN_SHIFT) & 0x8000;
        int exp = (bits >>> FLOAT_MANTISSA_BITS) & FLOAT_EXP_MASK;
        int mantissa = bits & FLOAT_MANTISSA_MASK;
        if (exp == FLOAT_EXP_MASK) {
            return (short) (sign | (mantissa != 0 ? HALF_NAN : HALF_INF));
        }
        int e = exp - FLOAT_EXP_BIAS + HALF_EXP_BIAS;
        if (e >= HALF_EXP_MAX) {
            return (short) (sign | HALF_INF);
        }
        if (e <= 0) {
            if (e < -HALF_MANTISSA_BITS) {
                return (short) sign;
            }
            int m = mantissa | (1 << FLOAT_MANTISSA_BITS);
            int shift = SHIFT + 1 - e;
            int half = m >> shift;
            int rest = m & ((1 << shift) - 1);
            int halfway = 1 << (shift - 1);
            if (rest > halfway || (rest == halfway && (half & 1) == 1)) {
                half++;
            }
            return (short) (sign | half);
        }
        int half = (e << HALF_MANTISSA_BITS) | (mantissa >> SHIFT);
        int rest = mantissa & ((1 << SHIFT) - 1);
        int halfway = 1 << (SHIFT - 1);
        if (rest > halfway || (rest == halfway && (half & 1) == 1)) {
            half++;
        }
        return (short) (sign | half);
    }

    static float toFloat(short h) {
        int sign = (h & 0x8000) << SIGN_SHIFT;
        int exp = (h >>> HALF_MANTISSA_BITS) & HALF_EXP_MASK;
        int mantissa = h & HALF_MANTISSA_MASK;
        if (exp == HALF_EXP_MASK) {
            return Float.intBitsToFloat(sign | (FLOAT_EXP_MASK << FLOAT_MANTISSA_BITS) | (mantissa << SHIFT));
        }
        if (exp == 0) {
            if (mantissa == 0) {
                return Float.intBitsToFloat(sign);
            }
            float value = mantissa / (float) (1 << HALF_MANTISSA_BITS) * (float) Math.pow(2, 1 - HALF_EXP_BIAS);
            return sign == 0 ? value : -value;
        }
        return Float.intBitsToFloat(sign | ((exp - HALF_EXP_BIAS + FLOAT_EXP_BIAS) << FLOAT_MANTISSA_BITS) | (mantissa << SHIFT));
    }
}
