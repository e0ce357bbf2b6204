package io.edgescope.split;

import com.github.luben.zstd.Zstd;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The transfer layers: {@code raw} (float32), {@code fp16}, {@code uint8} and {@code uint4} (per-channel
 * min/max quantisation to 8 or 4 bits), {@code pool} (ScissionLite's 2x2 max-pool on the device and nearest up-sampling on
 * the edge, no retraining), each also with {@code +zstd} compression.
 */
public final class TransferLayers {

    public static final String RAW = "raw";
    public static final String FP16 = "fp16";
    public static final String UINT8 = "uint8";
    public static final String UINT4 = "uint4";
    public static final String POOL = "pool";
    public static final String ZSTD = "+zstd";
    private static final int ZSTD_LEVEL = 3;
    private static final int BITS_UINT8 = 8;
    private static final int BITS_UINT4 = 4;
    private static final int POOL_SIDE = 2;
    private static final int MAP_RANK = 4;

    private static final Map<String, TransferLayer> BASE = Map.of(RAW, layer(RAW, TransferLayers::rawBody, TransferLayers::readRaw),
            FP16, layer(FP16, TransferLayers::halfBody, TransferLayers::readHalf),
            UINT8, layer(UINT8, quantised(BITS_UINT8), dequantised(BITS_UINT8)),
            UINT4, layer(UINT4, quantised(BITS_UINT4), dequantised(BITS_UINT4)),
            POOL, new Pooling());

    private TransferLayers() {
    }

    /** Every layer id: each base layer, alone and with zstd. */
    public static List<String> ids() {
        List<String> out = new ArrayList<>();
        for (String base : List.of(RAW, FP16, UINT8, UINT4, POOL)) {
            out.add(base);
            out.add(base + ZSTD);
        }
        return out;
    }

    /** Whether a layer carries the tensors exactly (raw float32, compressed or not). */
    public static boolean lossless(String id) {
        return id.equals(RAW) || id.equals(RAW + ZSTD);
    }

    public static TransferLayer byId(String id) {
        boolean zstd = id.endsWith(ZSTD);
        TransferLayer base = BASE.get(zstd ? id.substring(0, id.length() - ZSTD.length()) : id);
        if (base == null) {
            throw new IllegalArgumentException("Unknown transfer layer '" + id + "'; one of " + ids());
        }
        return zstd ? new Compressed(base) : base;
    }

    private static TransferLayer layer(String id, TensorCodec.BodyWriter writer, TensorCodec.BodyReader reader) {
        return new TransferLayer() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public byte[] encode(List<Activation> tensors) {
                return TensorCodec.write(tensors, writer);
            }

            @Override
            public List<Activation> decode(byte[] payload) {
                return TensorCodec.read(payload, reader);
            }
        };
    }

    private static ByteBuffer buffer(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] rawBody(Activation t) {
        ByteBuffer out = buffer(t.values().length * Float.BYTES);
        out.asFloatBuffer().put(t.values());
        return out.array();
    }

    private static float[] readRaw(ByteBuffer body, long[] shape, int count) {
        TensorCodec.check(body.remaining() == count * Float.BYTES, "float32 body size " + body.remaining());
        float[] v = new float[count];
        body.asFloatBuffer().get(v);
        return v;
    }

    private static byte[] halfBody(Activation t) {
        ByteBuffer out = buffer(t.values().length * Short.BYTES);
        for (float v : t.values()) {
            out.putShort(Half.fromFloat(v));
        }
        return out.array();
    }

    private static float[] readHalf(ByteBuffer body, long[] shape, int count) {
        TensorCodec.check(body.remaining() == count * Short.BYTES, "fp16 body size " + body.remaining());
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = Half.toFloat(body.getShort());
        }
        return v;
    }

    /** Channels: dim 1 of an NCHW map (everything else is one channel). */
    private static int channels(long[] shape) {
        return shape.length >= 2 ? (int) shape[1] : 1;
    }

    /** Per-channel min/max quantisation to {@code bits} (8 or 4) per value; 4-bit codes are packed two to a byte. */
    private static TensorCodec.BodyWriter quantised(int bits) {
        int levels = (1 << bits) - 1;
        int perByte = Byte.SIZE / bits;
        return t -> {
            int channels = channels(t.shape());
            int per = t.values().length / channels;
            byte[] codes = new byte[codeBytes(t.values().length, perByte)];
            ByteBuffer out = buffer(channels * 2 * Float.BYTES + codes.length);
            for (int c = 0; c < channels; c++) {
                float min = Float.POSITIVE_INFINITY;
                float max = Float.NEGATIVE_INFINITY;
                for (int i = c * per; i < (c + 1) * per; i++) {
                    min = Math.min(min, t.values()[i]);
                    max = Math.max(max, t.values()[i]);
                }
                float scale = max > min ? (max - min) / levels : 1f;
                out.putFloat(min).putFloat(scale);
                for (int i = c * per; i < (c + 1) * per; i++) {
                    int code = Math.round((t.values()[i] - min) / scale);
                    codes[i / perByte] |= (byte) (code << (bits * (i % perByte)));
                }
            }
            out.put(codes);
            return out.array();
        };
    }

    private static int codeBytes(int count, int perByte) {
        return (count + perByte - 1) / perByte;
    }

    private static TensorCodec.BodyReader dequantised(int bits) {
        int perByte = Byte.SIZE / bits;
        int mask = (1 << bits) - 1;
        String name = "uint" + bits;
        return (body, shape, count) -> {
            int channels = channels(shape);
            TensorCodec.check(body.remaining() == channels * 2 * Float.BYTES + codeBytes(count, perByte), name + " body size " + body.remaining());
            float[] min = new float[channels];
            float[] scale = new float[channels];
            for (int c = 0; c < channels; c++) {
                min[c] = body.getFloat();
                scale[c] = body.getFloat();
            }
            int per = count / channels;
            int start = body.position();
            float[] v = new float[count];
            for (int i = 0; i < count; i++) {
                int code = (body.get(start + i / perByte) >> (bits * (i % perByte))) & mask;
                v[i] = min[i / per] + code * scale[i / per];
            }
            return v;
        };
    }

    /** ScissionLite's TL: 2x2 max pooling (stride 2) before sending, nearest up-sampling after. */
    private static final class Pooling implements TransferLayer {

        @Override
        public String id() {
            return POOL;
        }

        @Override
        public boolean accepts(List<Activation> tensors) {
            return tensors.stream().allMatch(t -> t.shape().length == MAP_RANK && t.shape()[2] % POOL_SIDE == 0
                    && t.shape()[3] % POOL_SIDE == 0 && t.shape()[2] > 1);
        }

        @Override
        public byte[] encode(List<Activation> tensors) {
            if (!accepts(tensors)) {
                throw new IllegalArgumentException("The pooling transfer layer needs 4-D maps with even sides, got " + tensors);
            }
            return TensorCodec.write(tensors, t -> rawBody(new Activation(t.name(), t.shape(), pool(t))));
        }

        @Override
        public List<Activation> decode(byte[] payload) {
            return TensorCodec.read(payload, (body, shape, count) -> upsample(readRaw(body, shape, count / (POOL_SIDE * POOL_SIDE)), shape));
        }

        private static float[] pool(Activation t) {
            int c = (int) t.shape()[1];
            int h = (int) t.shape()[2];
            int w = (int) t.shape()[3];
            float[] out = new float[c * (h / POOL_SIDE) * (w / POOL_SIDE)];
            int o = 0;
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < h; y += POOL_SIDE) {
                    for (int x = 0; x < w; x += POOL_SIDE) {
                        int base = (ch * h + y) * w + x;
                        float[] v = t.values();
                        out[o++] = Math.max(Math.max(v[base], v[base + 1]), Math.max(v[base + w], v[base + w + 1]));
                    }
                }
            }
            return out;
        }

        private static float[] upsample(float[] pooled, long[] shape) {
            int c = (int) shape[1];
            int h = (int) shape[2];
            int w = (int) shape[3];
            float[] out = new float[c * h * w];
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        out[(ch * h + y) * w + x] = pooled[(ch * (h / POOL_SIDE) + y / POOL_SIDE) * (w / POOL_SIDE) + x / POOL_SIDE];
                    }
                }
            }
            return out;
        }
    }

    /** Any layer's payload compressed with zstd. */
    private record Compressed(TransferLayer inner) implements TransferLayer {

        @Override
        public String id() {
            return inner.id() + ZSTD;
        }

        @Override
        public boolean accepts(List<Activation> tensors) {
            return inner.accepts(tensors);
        }

        @Override
        public byte[] encode(List<Activation> tensors) {
            return Zstd.compress(inner.encode(tensors), ZSTD_LEVEL);
        }

        @Override
        public List<Activation> decode(byte[] payload) {
            long size = Zstd.getFrameContentSize(payload);
            TensorCodec.check(size > 0 && size < Integer.MAX_VALUE, "zstd frame (declared size " + size + ")");
            return inner.decode(Zstd.decompress(payload, (int) size));
        }
    }

}
