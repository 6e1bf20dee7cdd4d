package cn.ydcx.gateway.merkle;

import cn.ydcx.gateway.crypto.Suite;
import java.util.List;

/** RFC 6962 / RFC 9162 Merkle tree hashing and proofs with a suite's hash. */
public final class MerkleTree {
    private MerkleTree() {
    }

    public static byte[] leafHash(Suite suite, byte[] leafBytes) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public static byte[] nodeHash(Suite suite, byte[] left, byte[] right) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public static byte[] rootFromLeafHashes(Suite suite, List<byte[]> leafHashes) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public static List<byte[]> inclusionProof(Suite suite, List<byte[]> leafHashes, int index) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public static List<byte[]> consistencyProof(Suite suite, List<byte[]> leafHashes, int first) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public static boolean verifyInclusion(Suite suite, byte[] leafHash, long index, long treeSize,
            List<byte[]> path, byte[] root) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public static boolean verifyConsistency(Suite suite, long first, long second, byte[] firstRoot,
            byte[] secondRoot, List<byte[]> path) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
