package cn.ydcx.gateway.merkle;

import cn.ydcx.gateway.crypto.Suite;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6962 / RFC 9162 Merkle tree hashing and proofs, with the suite's hash (SM3 or SHA-256).
 * Proof generation works over an in-memory list of leaf hashes (O(n) hashing per proof);
 * verification follows the RFC 9162 §2.1.3.2 / §2.1.4.2 algorithms literally.
 */
public final class MerkleTree {
    private MerkleTree() {
    }

    /** The hash of the empty tree, H(""). */
    public static byte[] emptyRoot(Suite suite) {
        return suite.hash(new byte[0]);
    }

    /** H(0x00 ‖ leafBytes). */
    public static byte[] leafHash(Suite suite, byte[] leafBytes) {
        MessageDigest md = suite.newDigest();
        md.update((byte) 0x00);
        md.update(leafBytes);
        return md.digest();
    }

    /** H(0x01 ‖ left ‖ right). */
    public static byte[] nodeHash(Suite suite, byte[] left, byte[] right) {
        return nodeHash(suite.newDigest(), left, right);
    }

    /** H(0x01 ‖ left ‖ right) with the given digest of the suite's hash (reset first). */
    static byte[] nodeHash(MessageDigest md, byte[] left, byte[] right) {
        md.reset();
        md.update((byte) 0x01);
        md.update(left);
        md.update(right);
        return md.digest();
    }

    /** MTH(D[n]) given the leaf hashes; the empty tree hashes to H(""). */
    public static byte[] rootFromLeafHashes(Suite suite, List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return emptyRoot(suite);
        }
        MerkleAccumulator acc = new MerkleAccumulator(suite);
        for (byte[] h : leafHashes) {
            acc.addLeafHash(h);
        }
        return acc.root();
    }

    /** RFC 6962 §2.1.1 audit path PATH(index, D[n]) for a tree of all the given leaves. */
    public static List<byte[]> inclusionProof(Suite suite, List<byte[]> leafHashes, int index) {
        int n = leafHashes.size();
        if (index < 0 || index >= n) {
            throw new IllegalArgumentException("leaf index " + index + " is outside a tree of size " + n);
        }
        List<byte[]> proof = new ArrayList<>();
        path(suite, leafHashes, index, 0, n, proof);
        return proof;
    }

    private static void path(Suite suite, List<byte[]> leaves, int m, int from, int to, List<byte[]> out) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(suite, leaves, m, from, from + k, out);
            out.add(subtreeRoot(suite, leaves, from + k, to));
        } else {
            path(suite, leaves, m - k, from + k, to, out);
            out.add(subtreeRoot(suite, leaves, from, from + k));
        }
    }

    /**
     * RFC 6962 §2.1.2 consistency proof PROOF(first, D[n]) between the tree of the first
     * {@code first} leaves and the tree of all leaves. Empty when first is 0 or n.
     */
    public static List<byte[]> consistencyProof(Suite suite, List<byte[]> leafHashes, int first) {
        int n = leafHashes.size();
        if (first < 0 || first > n) {
            throw new IllegalArgumentException("first size " + first + " is outside 0.." + n);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < n) {
            subproof(suite, leafHashes, first, 0, n, true, proof);
        }
        return proof;
    }

    private static void subproof(Suite suite, List<byte[]> leaves, int m, int from, int to, boolean whole,
            List<byte[]> out) {
        int n = to - from;
        if (m == n) {
            if (!whole) {
                out.add(subtreeRoot(suite, leaves, from, to));
            }
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(suite, leaves, m, from, from + k, whole, out);
            out.add(subtreeRoot(suite, leaves, from + k, to));
        } else {
            subproof(suite, leaves, m - k, from + k, to, false, out);
            out.add(subtreeRoot(suite, leaves, from, from + k));
        }
    }

    /** RFC 9162 §2.1.3.2: does {@code path} prove that {@code leafHash} is leaf {@code index} of {@code root}? */
    public static boolean verifyInclusion(Suite suite, byte[] leafHash, long index, long treeSize,
            List<byte[]> path, byte[] root) {
        if (index < 0 || index >= treeSize || leafHash == null || root == null || path == null) {
            return false;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(suite, p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(suite, r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * RFC 9162 §2.1.4.2: does {@code path} prove the tree of size {@code first} is a prefix of
     * the tree of size {@code second}? Equal sizes need an empty path and equal roots; a proof
     * from the empty tree (first = 0) to a non-empty one is refused as meaningless.
     */
    public static boolean verifyConsistency(Suite suite, long first, long second, byte[] firstRoot,
            byte[] secondRoot, List<byte[]> path) {
        if (first < 0 || second < first || firstRoot == null || secondRoot == null || path == null) {
            return false;
        }
        if (first == second) {
            return path.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0 || path.isEmpty()) {
            return false;
        }
        List<byte[]> p = new ArrayList<>(path.size() + 1);
        if (Long.bitCount(first) == 1) {
            p.add(firstRoot);
        }
        p.addAll(path);
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = p.get(0);
        byte[] sr = p.get(0);
        for (int i = 1; i < p.size(); i++) {
            byte[] c = p.get(i);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(suite, c, fr);
                sr = nodeHash(suite, c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(suite, sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    private static byte[] subtreeRoot(Suite suite, List<byte[]> leaves, int from, int to) {
        return rootFromLeafHashes(suite, leaves.subList(from, to));
    }

    /** The largest power of two strictly less than n (n ≥ 2). */
    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }
}
