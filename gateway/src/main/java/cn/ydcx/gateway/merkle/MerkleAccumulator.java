package cn.ydcx.gateway.merkle;

import cn.ydcx.gateway.crypto.Suite;

/** Streaming RFC 6962 root: add leaf hashes one at a time, O(log n) memory. */
public final class MerkleAccumulator {
    public MerkleAccumulator(Suite suite) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public void addLeafHash(byte[] leafHash) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public void addLeaf(byte[] leafBytes) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public long size() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public byte[] root() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
