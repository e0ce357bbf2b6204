package io.edgescope.split;

import java.util.Arrays;

/** One tensor crossing a cut: its name, shape and values (float32). */
public record Activation(String name, long[] shape, float[] values) {

    @Override
    public boolean equals(Object o) {
        return o instanceof Activation a && a.name.equals(name) && Arrays.equals(a.shape, shape) && Arrays.equals(a.values, values);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
