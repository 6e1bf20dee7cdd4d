package cn.ydcx.gateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.model.RecordIds;
import org.junit.jupiter.api.Test;

class KeySetTest {

    @Test
    void detectsRepeatsAcrossManyGrowths() {
        KeySet set = new KeySet();
        for (int i = 0; i < 200_000; i++) {
            assertThat(set.add(RecordIds.digest16(NodeCode.ZJ, Dataset.PENALTY, "k" + i))).isTrue();
        }
        for (int i = 0; i < 200_000; i += 997) {
            assertThat(set.add(RecordIds.digest16(NodeCode.ZJ, Dataset.PENALTY, "k" + i))).as("k" + i).isFalse();
        }
        assertThat(set.add(RecordIds.digest16(NodeCode.ZJ, Dataset.PENALTY, "k200000"))).isTrue();
        assertThat(set.size()).isEqualTo(200_001);
    }

    /** (0, 0) marks an empty slot in the table: the all-zero digest (and half-zero ones) must still count. */
    @Test
    void zeroDigestsAreKeysLikeAnyOther() {
        KeySet set = new KeySet();
        byte[] zero = new byte[16];
        byte[] hiZero = new byte[16];
        hiZero[15] = 1;
        byte[] loZero = new byte[16];
        loZero[0] = 1;
        for (int round = 0; round < 2; round++) {
            assertThat(set.add(zero)).isEqualTo(round == 0);
            assertThat(set.add(hiZero)).isEqualTo(round == 0);
            assertThat(set.add(loZero)).isEqualTo(round == 0);
        }
        for (int i = 0; i < 5_000; i++) { // through several growths
            assertThat(set.add(RecordIds.digest16(NodeCode.SH, Dataset.PENALTY, "k" + i))).isTrue();
        }
        assertThat(set.add(zero)).isFalse();
        assertThat(set.add(hiZero)).isFalse();
        assertThat(set.add(loZero)).isFalse();
        assertThat(set.size()).isEqualTo(5_003);
    }

    /** Against a HashSet, with digests sharing their low bits (long probe runs) and many repeats. */
    @Test
    void agreesWithAHashSet() {
        KeySet set = new KeySet();
        java.util.Set<java.util.List<Byte>> reference = new java.util.HashSet<>();
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 50_000; i++) {
            byte[] d = new byte[16];
            d[random.nextInt(16)] = (byte) random.nextInt(4);
            d[random.nextInt(16)] = (byte) random.nextInt(256);
            d[random.nextInt(2)] = (byte) random.nextInt(256);
            java.util.List<Byte> key = new java.util.ArrayList<>();
            for (byte b : d) {
                key.add(b);
            }
            assertThat(set.add(d)).as("add #" + i).isEqualTo(reference.add(key));
        }
        assertThat(set.size()).isEqualTo(reference.size());
    }
}
