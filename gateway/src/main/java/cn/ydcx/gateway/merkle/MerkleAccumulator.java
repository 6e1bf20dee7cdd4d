package cn.ydcx.gateway.merkle;

import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.jcs.Jcs;
import cn.ydcx.gateway.jcs.JcsBuffer;
import cn.ydcx.gateway.model.CanonicalRecord;
import cn.ydcx.gateway.model.CanonicalRecordJcs;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming RFC 6962 tree hash: leaves are added one at a time and only the roots of the
 * perfect subtrees along the right edge are kept (one per set bit of the size: O(log n)
 * memory), so a 100k-record batch or a growing audit log needs no list of leaves.
 * One digest of the suite's hash is reused for every leaf and node hash.
 * Not thread-safe.
 */
public final class MerkleAccumulator {
    private final Suite suite;
    private final MessageDigest md;
    /** Roots of the complete subtrees, largest (leftmost) first; sizes are the set bits of size. */
    private final List<byte[]> stack = new ArrayList<>();
    private long size;
    /** Canonical bytes of the record being added (typed-record leaves only); reused. */
    private JcsBuffer scratch;

    public MerkleAccumulator(Suite suite) {
        this.suite = suite;
        this.md = suite.newDigest();
    }

    public Suite suite() {
        return suite;
    }

    /** Appends a leaf given its leaf hash H(0x00 ‖ bytes). */
    public void addLeafHash(byte[] leafHash) {
        push(leafHash.clone());
    }

    /** Appends a leaf given its bytes. */
    public void addLeaf(byte[] leafBytes) {
        md.reset();
        md.update((byte) 0x00);
        md.update(leafBytes);
        push(md.digest());
    }

    /** Appends a leaf given its bytes {@code bytes[off, off + len)} (e.g. one record of a batch buffer). */
    public void addLeaf(byte[] bytes, int off, int len) {
        md.reset();
        md.update((byte) 0x00);
        md.update(bytes, off, len);
        push(md.digest());
    }

    /**
     * Appends the leaf JCS(record) written from the typed record ({@link CanonicalRecordJcs}); same
     * result as {@code addCanonicalLeaf(record.toJson())} without building a Jackson tree.
     *
     * @throws IllegalArgumentException when a value holds a lone surrogate (the tree is then unchanged)
     */
    public void addCanonicalLeaf(CanonicalRecord record) {
        if (scratch == null) {
            scratch = new JcsBuffer();
        }
        scratch.reset(64 * 1024);
        CanonicalRecordJcs.write(record, scratch);
        addLeaf(scratch.array(), 0, scratch.length());
    }

    /**
     * Appends the leaf JCS(node) (RFC 8785 canonical UTF-8 bytes), streamed into the hash
     * without materialising the leaf bytes; same result as {@code addLeaf(Jcs.canonicalize(node))}.
     *
     * @throws IllegalArgumentException when {@code node} cannot be canonicalized (the tree is
     *     then unchanged)
     */
    public void addCanonicalLeaf(JsonNode node) {
        md.reset();
        md.update((byte) 0x00);
        try {
            Jcs.update(md, node);
        } catch (IllegalArgumentException e) {
            md.reset();
            throw e;
        }
        push(md.digest());
    }

    /** Takes ownership of {@code h}. */
    private void push(byte[] h) {
        // Like a binary counter: each trailing 1 bit of the old size is a subtree to merge with.
        for (long s = size; (s & 1) == 1; s >>= 1) {
            h = MerkleTree.nodeHash(md, stack.remove(stack.size() - 1), h);
        }
        stack.add(h);
        size++;
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
            r = MerkleTree.nodeHash(md, stack.get(i), r);
        }
        return r.clone();
    }
}
