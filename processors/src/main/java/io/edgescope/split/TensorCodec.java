package io.edgescope.split;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The frame of every transfer-layer payload: tensor count, then per tensor its name, rank, dims and a
 * body written by the layer. Little-endian. Bodies are length-prefixed so a decoder never reads past
 * its tensor; a truncated or inconsistent payload is refused with the reason.
 */
final class TensorCodec {

    /** Writes one tensor's body. */
    @FunctionalInterface
    interface BodyWriter {
        byte[] write(Activation tensor);
    }

    /** Reads one tensor's values back from its body. */
    @FunctionalInterface
    interface BodyReader {
        float[] read(ByteBuffer body, long[] shape, int count);
    }

    private static final int MAX_TENSORS = 64;
    private static final int MAX_RANK = 8;

    private TensorCodec() {
    }

    static byte[] write(List<Activation> tensors, BodyWriter bodies) {
        List<byte[]> names = new ArrayList<>();
        List<byte[]> parts = new ArrayList<>();
        int size = Integer.BYTES;
        for (Activation t : tensors) {
            byte[] name = t.name().getBytes(StandardCharsets.UTF_8);
            byte[] body = bodies.write(t);
            names.add(name);
            parts.add(body);
            size += Integer.BYTES + name.length + Integer.BYTES + t.shape().length * Long.BYTES + Integer.BYTES + body.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(tensors.size());
        for (int i = 0; i < tensors.size(); i++) {
            out.putInt(names.get(i).length).put(names.get(i));
            long[] shape = tensors.get(i).shape();
            out.putInt(shape.length);
            for (long d : shape) {
                out.putLong(d);
            }
            out.putInt(parts.get(i).length).put(parts.get(i));
        }
        return out.array();
    }

    static List<Activation> read(byte[] payload, BodyReader bodies) {
        try {
            ByteBuffer in = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
            int count = in.getInt();
            check(count >= 0 && count <= MAX_TENSORS, "tensor count " + count);
            List<Activation> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] name = new byte[in.getInt()];
                in.get(name);
                int rank = in.getInt();
                check(rank >= 0 && rank <= MAX_RANK, "rank " + rank);
                long[] shape = new long[rank];
                long elements = 1;
                for (int d = 0; d < rank; d++) {
                    shape[d] = in.getLong();
                    check(shape[d] > 0 && shape[d] < Integer.MAX_VALUE, "dimension " + shape[d]);
                    elements = Math.multiplyExact(elements, shape[d]);
                }
                check(elements < Integer.MAX_VALUE / Float.BYTES, "tensor of " + elements + " values");
                int length = in.getInt();
                check(length >= 0 && length <= in.remaining(), "body of " + length + " bytes with " + in.remaining() + " left");
                ByteBuffer body = in.slice(in.position(), length).order(ByteOrder.LITTLE_ENDIAN);
                in.position(in.position() + length);
                out.add(new Activation(new String(name, StandardCharsets.UTF_8), shape, bodies.read(body, shape, (int) elements)));
            }
            return out;
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException | ArithmeticException e) {
            throw new IllegalArgumentException("Truncated or corrupt activation payload: " + e, e);
        }
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("Corrupt activation payload: bad " + what);
        }
    }
}
