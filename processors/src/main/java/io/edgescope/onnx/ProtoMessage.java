package io.edgescope.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Just enough of the protobuf wire format to edit an ONNX model: a message as its ordered list of
 * fields, each kept as raw bytes, so fields we do not touch are written back exactly as read.
 */
public final class ProtoMessage {

    public static final int VARINT = 0;
    public static final int FIXED64 = 1;
    public static final int LENGTH_DELIMITED = 2;
    public static final int FIXED32 = 5;
    private static final int TAG_TYPE_BITS = 3;
    private static final int TYPE_MASK = 7;
    private static final int SEVEN_BITS = 0x7F;
    private static final int CONTINUE = 0x80;
    private static final int FIXED64_BYTES = 8;
    private static final int FIXED32_BYTES = 4;

    /** One field: its number, wire type and payload (varint value, or the bytes of the other types). */
    public record Field(int number, int wireType, long varint, byte[] bytes) {
        public String string() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public ProtoMessage message() {
            return parse(bytes);
        }
    }

    private final List<Field> fields;

    public ProtoMessage(List<Field> fields) {
        this.fields = fields;
    }

    public List<Field> fields() {
        return fields;
    }

    public static ProtoMessage parse(byte[] data) {
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

    public byte[] toBytes() {
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
    public ProtoMessage editMessages(int number, UnaryOperator<ProtoMessage> edit) {
        List<Field> out = new ArrayList<>(fields.size());
        for (Field f : fields) {
            out.add(f.number() == number && f.wireType() == LENGTH_DELIMITED
                    ? new Field(f.number(), f.wireType(), 0, edit.apply(f.message()).toBytes()) : f);
        }
        return new ProtoMessage(out);
    }

    /** A copy without the fields numbered {@code number}. */
    public ProtoMessage without(int number) {
        return new ProtoMessage(fields.stream().filter(f -> f.number() != number).toList());
    }

    /** Every string field {@code number}, in order. */
    public List<String> strings(int number) {
        return fields.stream().filter(f -> f.number() == number && f.wireType() == LENGTH_DELIMITED).map(Field::string).toList();
    }

    /** Every field {@code number} as a message, in order. */
    public List<ProtoMessage> messages(int number) {
        return fields.stream().filter(f -> f.number() == number && f.wireType() == LENGTH_DELIMITED).map(Field::message).toList();
    }

    /** A string field. */
    public static Field stringField(int number, String value) {
        return new Field(number, LENGTH_DELIMITED, 0, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The first string field {@code number}, or null. */
    public String string(int number) {
        return fields.stream().filter(f -> f.number() == number && f.wireType() == LENGTH_DELIMITED).findFirst()
                .map(Field::string).orElse(null);
    }

    public static Field varintField(int number, long value) {
        return new Field(number, VARINT, value, null);
    }

    public static Field messageField(int number, ProtoMessage message) {
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
