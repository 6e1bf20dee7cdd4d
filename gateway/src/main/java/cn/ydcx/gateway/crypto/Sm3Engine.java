package cn.ydcx.gateway.crypto;

/**
 * One way of computing many SM3 digests at once: {@link Sm3VectorEngine} (Vector API lanes)
 * or {@link Sm3ScalarEngine} (Bouncy Castle, one message after the other). Implementations are
 * stateless and thread-safe.
 */
interface Sm3Engine {
    /** No prefix byte: {@code out[i] = SM3(messages[i])}. */
    int NO_PREFIX = -1;

    /**
     * {@code out[outOffset + i] = SM3(prefix ‖ messages[i])} for {@code i} in
     * {@code [0, count)}, or SM3(messages[i]) when {@code prefix} is {@link #NO_PREFIX}.
     */
    default void hash(int prefix, byte[][] messages, int count, byte[][] out, int outOffset) {
        hash(prefix, messages, null, null, count, out, outOffset);
    }

    /**
     * As {@link #hash(int, byte[][], int, byte[][], int)} over the slices
     * {@code messages[i][offsets[i], offsets[i] + lengths[i])}; offsets and lengths null: the
     * whole arrays. Slices of one array let a verifier hash records where they arrived.
     */
    void hash(int prefix, byte[][] messages, int[] offsets, int[] lengths, int count, byte[][] out, int outOffset);

    /** {@code out[i] = SM3(0x01 ‖ left[i] ‖ right[i])}, each side 32 bytes, for {@code i} in {@code [0, count)}. */
    void nodes(byte[][] left, byte[][] right, int count, byte[][] out);

    /** Messages hashed side by side (1 for the scalar engine). */
    int lanes();
}
