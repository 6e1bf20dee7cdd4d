package cn.ydcx.gateway.crypto;

import org.bouncycastle.crypto.digests.SM3Digest;

/** The fallback: Bouncy Castle's SM3, one message after the other. */
final class Sm3ScalarEngine implements Sm3Engine {

    @Override
    public void hash(int prefix, byte[][] messages, int[] offsets, int[] lengths, int count, byte[][] out,
            int outOffset) {
        SM3Digest d = new SM3Digest();
        for (int i = 0; i < count; i++) {
            if (prefix != NO_PREFIX) {
                d.update((byte) prefix);
            }
            byte[] m = messages[i];
            d.update(m, offsets == null ? 0 : offsets[i], lengths == null ? m.length : lengths[i]);
            byte[] h = new byte[32];
            d.doFinal(h, 0); // also resets
            out[outOffset + i] = h;
        }
    }

    @Override
    public void nodes(byte[][] left, byte[][] right, int count, byte[][] out) {
        SM3Digest d = new SM3Digest();
        for (int i = 0; i < count; i++) {
            d.update((byte) 0x01);
            d.update(left[i], 0, 32);
            d.update(right[i], 0, 32);
            byte[] h = new byte[32];
            d.doFinal(h, 0);
            out[i] = h;
        }
    }

    @Override
    public int lanes() {
        return 1;
    }
}
