package cn.ydcx.gateway.merkle;

import cn.ydcx.gateway.crypto.Suite;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming RFC 6962 tree hash: leaves are added one at a time and only the roots of the
 * perfect subtrees along the right edge are kept (one per set bit of the size: O(log n)
 * memory), so a 100k-record batch or a growing audit log needs no list of leaves.
 * Not thread-safe.
 */
public final class MerkleAccumulator {
    private final Suite suite;
    /** Roots of the complete subtrees, largest (leftmost) first; sizes are the set bits of size. */
    private final List<byte[]> stack = new ArrayList<>();
    private long size;

    public MerkleAccumulator(Suite suite) {
        this.suite = suite;
    }

    public Suite suite() {
        return suite;
    }

    /** Appends a leaf given its leaf hash H(0x00 ‖ bytes). */
    public void addLeafHash(byte[] leafHash) {
        byte[] h = leafHash.clone();
        // Like a binary counter: each trailing 1 bit of the old size is a subtree to merge with.
        for (long s = size; (s & 1) == 1; s >>= 1) {
            h = MerkleTree.nodeHash(suite, stack.remove(stack.size() - 1), h);
        }
        stack.add(h);
        size++;
    }

    /** Appends a leaf given its bytes. */
    public void addLeaf(byte[] leafBytes) {
        addLeafHash(MerkleTree.leafHash(suite, leafBytes));
    }

    public long size() {
        return size;
    }

    /** The tree hash of the leaves added so far (H("") when none). */
    public byte[] root() {
        if (stack.isEmpty()) {
            return MerkleTree.emptyRoot(suite);
        }
        byte[] r = stack.get(stack.size() - 1);
        for (int i = stack.size() - 2; i >= 0; i--) {
            r = MerkleTree.nodeHash(suite, stack.get(i), r);
        }
        return r.clone();
    }
}
