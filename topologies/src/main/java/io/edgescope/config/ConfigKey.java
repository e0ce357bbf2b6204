package io.edgescope.config;

import java.util.function.Function;

/**
 * One configuration key: name, documentation, default (null when required or optional-without-default)
 * and parser. Parsers throw {@link IllegalArgumentException} with a message naming the problem.
 */
public record ConfigKey<T>(String name, String doc, String defaultValue, Function<String, T> parser) {

    public T parse(String raw) {
        return parser.apply(raw.strip());
    }

    static ConfigKey<String> string(String name, String defaultValue, String doc) {
        return new ConfigKey<>(name, doc, defaultValue, s -> s);
    }

    static ConfigKey<Boolean> bool(String name, boolean defaultValue, String doc) {
        return new ConfigKey<>(name, doc, Boolean.toString(defaultValue), s -> {
            if (!"true".equals(s) && !"false".equals(s)) {
                throw new IllegalArgumentException("must be true or false, got " + s);
            }
            return Boolean.parseBoolean(s);
        });
    }

    static ConfigKey<Integer> positiveInt(String name, int defaultValue, String doc) {
        return new ConfigKey<>(name, doc, Integer.toString(defaultValue), ConfigKey::positive);
    }

    private static int positive(String s) {
        int v = Integer.parseInt(s);
        if (v <= 0) {
            throw new IllegalArgumentException("must be positive, got " + v);
        }
        return v;
    }

    /** The value of a {@link #positiveIntOrAuto} key left to the program. */
    static final String AUTO = "auto";
    /** How {@link #positiveIntOrAuto} parses {@value #AUTO}. */
    static final int AUTO_VALUE = 0;

    /** A positive number, or {@value #AUTO} (the default; parsed to {@link #AUTO_VALUE}) for one the program derives. */
    static ConfigKey<Integer> positiveIntOrAuto(String name, String doc) {
        return new ConfigKey<>(name, doc, AUTO, s -> AUTO.equals(s) ? AUTO_VALUE : positive(s));
    }

    /** The text of a {@link #positiveIntOrAuto} value. */
    static String autoOr(int value) {
        return value == AUTO_VALUE ? AUTO : Integer.toString(value);
    }

    static ConfigKey<Integer> port(String name, int defaultValue, String doc) {
        return intRange(name, defaultValue, 0, MAX_PORT, doc);
    }

    static ConfigKey<Integer> intRange(String name, int defaultValue, int min, int max, String doc) {
        return new ConfigKey<>(name, doc, Integer.toString(defaultValue), s -> {
            int v = Integer.parseInt(s);
            if (v < min || v > max) {
                throw new IllegalArgumentException("must be from " + min + " to " + max + ", got " + v);
            }
            return v;
        });
    }

    static ConfigKey<Long> positiveLong(String name, long defaultValue, String doc) {
        return new ConfigKey<>(name, doc, Long.toString(defaultValue), s -> {
            long v = Long.parseLong(s);
            if (v <= 0) {
                throw new IllegalArgumentException("must be positive, got " + v);
            }
            return v;
        });
    }

    static ConfigKey<Long> nonNegativeLong(String name, long defaultValue, String doc) {
        return new ConfigKey<>(name, doc, Long.toString(defaultValue), s -> {
            long v = Long.parseLong(s.strip());
            if (v < 0) {
                throw new IllegalArgumentException("must not be negative, got " + v);
            }
            return v;
        });
    }

    static ConfigKey<Float> fraction(String name, float defaultValue, String doc) {
        return new ConfigKey<>(name, doc, Float.toString(defaultValue), s -> {
            float v = Float.parseFloat(s);
            if (!(v >= 0f && v <= 1f)) {
                throw new IllegalArgumentException("must be between 0 and 1, got " + v);
            }
            return v;
        });
    }

    static ConfigKey<Float> positiveFloat(String name, float defaultValue, String doc) {
        return new ConfigKey<>(name, doc, Float.toString(defaultValue), s -> {
            float v = Float.parseFloat(s);
            if (!(v > 0f) || Float.isInfinite(v)) {
                throw new IllegalArgumentException("must be a positive number, got " + v);
            }
            return v;
        });
    }

    static ConfigKey<Float> nonNegativeFloat(String name, float defaultValue, String doc) {
        return new ConfigKey<>(name, doc, Float.toString(defaultValue), s -> {
            float v = Float.parseFloat(s);
            if (!(v >= 0f) || Float.isInfinite(v)) {
                throw new IllegalArgumentException("must be a number of at least 0, got " + v);
            }
            return v;
        });
    }

    static ConfigKey<String> oneOf(String name, String defaultValue, String doc, String... allowed) {
        return new ConfigKey<>(name, doc, defaultValue, s -> {
            for (String a : allowed) {
                if (a.equals(s)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("must be one of " + String.join(", ", allowed) + ", got " + s);
        });
    }

    private static final int MAX_PORT = 65535;
}
