package io.edgescope.detect.variants;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Just enough of the protobuf wire format to edit an ONNX model: a message as its ordered list of
 * fields, each kept as raw bytes, so fields we do not touch are written back exactly as read.
 */
final class ProtoMessage {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;
    private static final int TAG_TYPE_BITS = 3;
    private static final int TYPE_MASK = 7;
    private static final int SEVEN_BITS = 0x7F;
    private static final int CONTINUE = 0x80;
    private static final int FIXED64_BYTES = 8;
    private static final int FIXED32_BYTES = 4;

    /** One field: its number, wire type and payload (varint value, or the bytes of the other types). */
    record Field(int number, int wireType, long varint, byte[] bytes) {
        String string() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        ProtoMessage message() {
            return parse(bytes);
        }
    }

    private final List<Field> fields;

    ProtoMessage(List<Field> fields) {
        this.fields = fields;
    }

    List<Field> fields() {
        return fields;
    }

    static ProtoMessage parse(byte[] data) {
        List<Field> out = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < data.length) {
            long tag = readVarint(data, pos);
            int number = (int) (tag >>> TAG_TYPE_BITS);
            int type = (int) (tag & TYPE_MASK);
            switch (type) {
                case VARINT -> out.add(new Field(number, type, readVarint(data, pos), null));
                case FIXED64 -> out.add(new Field(number, type, 0, slice(data, pos, FIXED64_BYTES)));
                case LENGTH_DELIMITED -> out.add(new Field(number, type, 0, slice(data, pos, (int) readVarint(data, pos))));
                case FIXED32 -> out.add(new Field(number, type, 0, slice(data, pos, FIXED32_BYTES)));
                default -> throw new IllegalArgumentException("Unsupported protobuf wire type " + type + " at byte " + pos[0]);
            }
        }
        return new ProtoMessage(out);
    }

    byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Field f : fields) {
            writeVarint(out, ((long) f.number() << TAG_TYPE_BITS) | f.wireType());
            if (f.wireType() == VARINT) {
                writeVarint(out, f.varint());
            } else {
                if (f.wireType() == LENGTH_DELIMITED) {
                    writeVarint(out, f.bytes().length);
                }
                out.writeBytes(f.bytes());
            }
        }
        return out.toByteArray();
    }

    /** A copy with every length-delimited field {@code number} replaced by {@code edit} of its message. */
    ProtoMessage editMessages(int number, UnaryOperator<ProtoMessage> edit) {
        List<Field> out = new ArrayList<>(fields.size());
        for (Field f : fields) {
            out.add(f.number() == number && f.wireType() == LENGTH_DELIMITED
                    ? new Field(f.number(), f.wireType(), 0, edit.apply(f.message()).toBytes()) : f);
        }
        return new ProtoMessage(out);
    }

    /** A copy without the fields numbered {@code number}. */
    ProtoMessage without(int number) {
        return new ProtoMessage(fields.stream().filter(f -> f.number() != number).toList());
    }

    /** The first string field {@code number}, or null. */
    String string(int number) {
        return fields.stream().filter(f -> f.number() == number && f.wireType() == LENGTH_DELIMITED).findFirst()
                .map(Field::string).orElse(null);
    }

    static Field varintField(int number, long value) {
        return new Field(number, VARINT, value, null);
    }

    static Field messageField(int number, ProtoMessage message) {
        return new Field(number, LENGTH_DELIMITED, 0, message.toBytes());
    }

    private static byte[] slice(byte[] data, int[] pos, int length) {
        if (length < 0 || pos[0] + length > data.length) {
            throw new IllegalArgumentException("Truncated protobuf field at byte " + pos[0]);
        }
        byte[] out = java.util.Arrays.copyOfRange(data, pos[0], pos[0] + length);
        pos[0] += length;
        return out;
    }

    private static long readVarint(byte[] data, int[] pos) {
        long result = 0;
        for (int shift = 0; shift < Long.SIZE; shift += 7) {
            if (pos[0] >= data.length) {
                throw new IllegalArgumentException("Truncated varint at byte " + pos[0]);
            }
            byte b = data[pos[0]++];
            result |= (long) (b & SEVEN_BITS) << shift;
            if ((b & CONTINUE) == 0) {
                return result;
            }
        }
        throw new IllegalArgumentException("Malformed varint before byte " + pos[0]);
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~(long) SEVEN_BITS) != 0) {
            out.write((int) ((v & SEVEN_BITS) | CONTINUE));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
