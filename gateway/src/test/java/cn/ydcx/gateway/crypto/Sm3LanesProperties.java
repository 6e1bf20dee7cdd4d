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

    /**
     * Messages as slices of one buffer, junk between them and the last one ending the buffer (the
     * padding path at the array's end): the same digests as each slice copied out. The vector
     * engine directly, and the facade, which takes Bouncy Castle below MIN_VECTOR_BATCH.
     */
    @Property(tries = 150)
    void slicesHashLikeTheirCopies(@ForAll("batches") List<byte[]> batch,
            @ForAll @IntRange(min = -1, max = 255) int prefix, @ForAll @IntRange(min = 0, max = 70) int gap) {
        int n = batch.size();
        int[] offsets = new int[n];
        int[] lengths = new int[n];
        int size = 0;
        for (byte[] m : batch) {
            size += gap + m.length;
        }
        byte[] buf = new byte[size];
        java.util.Arrays.fill(buf, (byte) 0x5A); // the gaps: junk that must not reach a digest
        int at = 0;
        for (int i = 0; i < n; i++) {
            at += gap;
            offsets[i] = at;
            lengths[i] = batch.get(i).length;
            System.arraycopy(batch.get(i), 0, buf, at, lengths[i]);
            at += lengths[i];
        }
        byte[][] same = new byte[n][];
        java.util.Arrays.fill(same, buf);
        byte[][] out = new byte[n][];
        new Sm3VectorEngine().hash(prefix, same, offsets, lengths, n, out, 0);
        for (int i = 0; i < n; i++) {
            assertThat(out[i]).isEqualTo(bc(prefix, batch.get(i)));
        }
        if (prefix >= 0) {
            byte[][] facade = Sm3Lanes.get().hashAll(same, offsets, lengths, n, (byte) prefix);
            for (int i = 0; i < n; i++) {
                assertThat(facade[i]).isEqualTo(bc(prefix, batch.get(i)));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aSliceOutsideItsArrayIsRefused() {
        byte[][] one = {new byte[10], new byte[10], new byte[10], new byte[10]};
        int[] lengths = {4, 4, 4, 4};
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        Sm3Lanes.get().hashAll(one, new int[] {0, 0, 7, 0}, lengths, 4, (byte) 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        Sm3Lanes.get().hashAll(one, new int[] {0, 0}, lengths, 4, (byte) 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
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
