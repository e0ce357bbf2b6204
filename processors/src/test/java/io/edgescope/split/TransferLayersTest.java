package io.edgescope.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import org.junit.jupiter.api.Test;

class TransferLayersTest {

    private static final long[] SHAPE = {1, 4, 8, 6};

    private static Activation map(String name, long seed) {
        Random r = new Random(seed);
        float[] v = new float[4 * 8 * 6];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextGaussian() * 3);
        }
        return new Activation(name, SHAPE, v);
    }

    private static float maxError(List<Activation> a, List<Activation> b) {
        float worst = 0;
        for (int t = 0; t < a.size(); t++) {
            for (int i = 0; i < a.get(t).values().length; i++) {
                worst = Math.max(worst, Math.abs(a.get(t).values()[i] - b.get(t).values()[i]));
            }
        }
        return worst;
    }

    @Test
    void shouldCarryTensorsExactlyRawAndCompressed() {
        List<Activation> in = List.of(map("a", 1), map("b", 2));
        for (String id : List.of(TransferLayers.RAW, TransferLayers.RAW + TransferLayers.ZSTD)) {
            TransferLayer tl = TransferLayers.byId(id);
            assertThat(tl.decode(tl.encode(in))).as(id).isEqualTo(in);
        }
    }

    @Test
    void shouldHalveTheBytesWithFp16AndQuarterThemWithUint8WithinTheirPrecision() {
        List<Activation> in = List.of(map("a", 3));
        int raw = TransferLayers.byId(TransferLayers.RAW).encode(in).length;
        TransferLayer fp16 = TransferLayers.byId(TransferLayers.FP16);
        TransferLayer uint8 = TransferLayers.byId(TransferLayers.UINT8);
        assertThat(fp16.encode(in).length).isLessThan(raw * 6 / 10);
        assertThat(uint8.encode(in).length).isLessThan(raw * 4 / 10);
        assertThat(maxError(in, fp16.decode(fp16.encode(in)))).isLessThan(0.01f);
        assertThat(maxError(in, uint8.decode(uint8.encode(in)))).isLessThan(0.05f);
    }

    @Test
    void shouldPackUint4CodesTwoToAByteWithinHalfAStepOfSixteenLevels() {
        List<Activation> in = List.of(map("a", 3));
        TransferLayer uint8 = TransferLayers.byId(TransferLayers.UINT8);
        TransferLayer uint4 = TransferLayers.byId(TransferLayers.UINT4);
        float[] v = in.get(0).values();
        float range = 0;
        for (float x : v) {
            range = Math.max(range, Math.abs(x));
        }
        // the codes take half the bytes of uint8's (the per-channel min and scale are the same)
        assertThat(uint8.encode(in).length - uint4.encode(in).length).isEqualTo(v.length / 2);
        float error = maxError(in, uint4.decode(uint4.encode(in)));
        assertThat(error).isGreaterThan(maxError(in, uint8.decode(uint8.encode(in)))).isLessThanOrEqualTo(2 * range / 15 / 2 * 1.0001f);
    }

    @Test
    void shouldPoolTwoByTwoAndUpsampleNearest() {
        float[] v = new float[16];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        Activation a = new Activation("x", new long[] {1, 1, 4, 4}, v);
        TransferLayer pool = TransferLayers.byId(TransferLayers.POOL);
        float[] back = pool.decode(pool.encode(List.of(a))).get(0).values();
        assertThat(back).containsExactly(5, 5, 7, 7, 5, 5, 7, 7, 13, 13, 15, 15, 13, 13, 15, 15);
        assertThat(pool.accepts(List.of(new Activation("y", new long[] {1, 85}, new float[85])))).isFalse();
    }

    @Test
    void shouldRefuseCorruptOrTruncatedPayloads() {
        TransferLayer tl = TransferLayers.byId(TransferLayers.UINT8 + TransferLayers.ZSTD);
        byte[] good = TransferLayers.byId(TransferLayers.UINT8).encode(List.of(map("a", 4)));
        assertThatThrownBy(() -> TransferLayers.byId(TransferLayers.UINT8).decode(java.util.Arrays.copyOf(good, good.length / 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("activation payload");
        assertThatThrownBy(() -> tl.decode(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransferLayers.byId("gzip")).hasMessageContaining("Unknown transfer layer");
    }

    @Property
    void shouldRoundTripHalfPrecisionWithinItsStep(@ForAll @FloatRange(min = -60000, max = 60000) float v) {
        float back = Half.toFloat(Half.fromFloat(v));
        assertThat(Math.abs(back - v)).isLessThanOrEqualTo(Math.max(Math.abs(v) / 1024f, 6e-8f));
    }
}
