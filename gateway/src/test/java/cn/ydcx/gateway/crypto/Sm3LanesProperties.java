package cn.ydcx.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.bouncycastle.crypto.digests.SM3Digest;

/** Any batch of any messages, with or without a prefix byte: the same digests as Bouncy Castle. */
class Sm3LanesProperties {

    @Provide
    Arbitrary<List<byte[]>> batches() {
        Arbitrary<Integer> length = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 130)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(700, 1200)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 5000)));
        Arbitrary<byte[]> message = length.flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
        return message.list().ofMinSize(0).ofMaxSize(40);
    }

    @Property(tries = 200)
    void vectorEngineMatchesBouncyCastle(@ForAll("batches") List<byte[]> batch,
            @ForAll @IntRange(min = -1, max = 255) int prefix) {
        byte[][] messages = batch.toArray(new byte[0][]);
        byte[][] out = new byte[messages.length][];
        new Sm3VectorEngine().hash(prefix, messages, messages.length, out, 0);
        for (int i = 0; i < messages.length; i++) {
            assertThat(out[i]).isEqualTo(bc(prefix, messages[i]));
        }
    }

    @Property(tries = 100)
    void facadeLeafHashesMatchBouncyCastle(@ForAll("batches") List<byte[]> batch) {
        byte[][] got = Sm3Lanes.get().leafHashes(batch);
        for (int i = 0; i < got.length; i++) {
            assertThat(got[i]).isEqualTo(bc(0x00, batch.get(i)));
        }
    }

    private static byte[] bc(int prefix, byte[] m) {
        SM3Digest d = new SM3Digest();
        if (prefix >= 0) {
            d.update((byte) prefix);
        }
        d.update(m, 0, m.length);
        byte[] h = new byte[32];
        d.doFinal(h, 0);
        return h;
    }
}
