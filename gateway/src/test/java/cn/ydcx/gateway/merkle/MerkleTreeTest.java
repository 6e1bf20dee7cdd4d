package cn.ydcx.gateway.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ydcx.gateway.crypto.Suite;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reference vectors of the Certificate Transparency / transparency-dev RFC 6962 test suites
 * (SHA-256): leaves, roots of every prefix, audit paths and consistency proofs.
 */
class MerkleTreeTest {
    private static final Suite SHA = Suite.ES256;
    private static final HexFormat HEX = HexFormat.of();
    private static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
        "606162636465666768696a6b6c6d6e6f"};
    private static final String[] ROOTS = {
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    private static List<byte[]> leafHashes(int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(MerkleTree.leafHash(SHA, HEX.parseHex(LEAVES[i])));
        }
        return out;
    }

    private static List<byte[]> hexes(String... h) {
        return java.util.Arrays.stream(h).map(HEX::parseHex).toList();
    }

    @Test
    void emptyTreeIsTheHashOfNothing() {
        assertThat(HEX.formatHex(MerkleTree.rootFromLeafHashes(SHA, List.of())))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(new MerkleAccumulator(SHA).root()).isEqualTo(MerkleTree.emptyRoot(SHA));
    }

    @Test
    void rootsOfEveryPrefixMatchTheReferenceVectors() {
        MerkleAccumulator acc = new MerkleAccumulator(SHA);
        for (int n = 1; n <= 8; n++) {
            assertThat(HEX.formatHex(MerkleTree.rootFromLeafHashes(SHA, leafHashes(n)))).as("size %d", n)
                    .isEqualTo(ROOTS[n - 1]);
            acc.addLeaf(HEX.parseHex(LEAVES[n - 1]));
            assertThat(acc.size()).isEqualTo(n);
            assertThat(HEX.formatHex(acc.root())).as("accumulator size %d", n).isEqualTo(ROOTS[n - 1]);
        }
    }

    @Test
    void inclusionProofsMatchTheReferenceVectors() {
        // (0-based index, tree size, path)
        assertThat(MerkleTree.inclusionProof(SHA, leafHashes(1), 0)).isEmpty();
        assertInclusion(0, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertInclusion(5, 8, "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertInclusion(2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertInclusion(1, 5, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    private static void assertInclusion(int index, int size, String... path) {
        List<byte[]> leaves = leafHashes(size);
        List<byte[]> proof = MerkleTree.inclusionProof(SHA, leaves, index);
        assertThat(proof.stream().map(HEX::formatHex).toList()).containsExactly(path);
        byte[] root = HEX.parseHex(ROOTS[size - 1]);
        assertThat(MerkleTree.verifyInclusion(SHA, leaves.get(index), index, size, hexes(path), root)).isTrue();
        // wrong index, wrong size, wrong root, truncated or extended path all fail
        assertThat(MerkleTree.verifyInclusion(SHA, leaves.get(index), index ^ 1, size, hexes(path), root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(SHA, leaves.get(index), index, size * 2L, hexes(path), root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(SHA, leaves.get(index), index, size, hexes(path),
                MerkleTree.emptyRoot(SHA))).isFalse();
        List<byte[]> longer = new ArrayList<>(hexes(path));
        longer.add(root);
        assertThat(MerkleTree.verifyInclusion(SHA, leaves.get(index), index, size, longer, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(SHA, leaves.get(index), index, size,
                hexes(path).subList(0, path.length - 1), root)).isFalse();
    }

    @Test
    void consistencyProofsMatchTheReferenceVectors() {
        assertConsistency(1, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertConsistency(6, 8, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertConsistency(2, 5, "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertConsistency(6, 7, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    }

    private static void assertConsistency(int first, int second, String... path) {
        List<byte[]> proof = MerkleTree.consistencyProof(SHA, leafHashes(second), first);
        assertThat(proof.stream().map(HEX::formatHex).toList()).containsExactly(path);
        byte[] r1 = HEX.parseHex(ROOTS[first - 1]);
        byte[] r2 = HEX.parseHex(ROOTS[second - 1]);
        assertThat(MerkleTree.verifyConsistency(SHA, first, second, r1, r2, hexes(path))).isTrue();
        assertThat(MerkleTree.verifyConsistency(SHA, first, second, r2, r1, hexes(path))).as("swapped roots").isFalse();
        assertThat(MerkleTree.verifyConsistency(SHA, first + 1, second, r1, r2, hexes(path))).isFalse();
        assertThat(MerkleTree.verifyConsistency(SHA, first, second, r1, r2, List.of())).isFalse();
        assertThat(MerkleTree.verifyConsistency(SHA, first, second, r1, r2, hexes(path).subList(0, path.length - 1)))
                .isFalse();
    }

    @Test
    void trivialConsistencyCases() {
        byte[] r = HEX.parseHex(ROOTS[3]);
        assertThat(MerkleTree.consistencyProof(SHA, leafHashes(4), 4)).isEmpty();
        assertThat(MerkleTree.verifyConsistency(SHA, 4, 4, r, r, List.of())).isTrue();
        assertThat(MerkleTree.verifyConsistency(SHA, 4, 4, r, HEX.parseHex(ROOTS[4]), List.of())).isFalse();
        assertThat(MerkleTree.verifyConsistency(SHA, 4, 4, r, r, List.of(r))).as("non-empty proof for equal sizes").isFalse();
        assertThat(MerkleTree.verifyConsistency(SHA, 5, 4, r, r, List.of(r))).as("shrinking tree").isFalse();
        assertThat(MerkleTree.verifyConsistency(SHA, 0, 4, MerkleTree.emptyRoot(SHA), r, List.of()))
                .as("from the empty tree").isFalse();
    }

    @Test
    void proofRequestsOutsideTheTreeAreRefused() {
        assertThatThrownBy(() -> MerkleTree.inclusionProof(SHA, leafHashes(3), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside a tree of size 3");
        assertThatThrownBy(() -> MerkleTree.consistencyProof(SHA, leafHashes(3), 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(MerkleTree.verifyInclusion(SHA, new byte[32], 0, 0, List.of(), new byte[32])).isFalse();
    }

    @Test
    void sm3SuiteHashesLeavesWithSm3() {
        // GB/T 32905 sample: SM3("abc")
        assertThat(HEX.formatHex(Suite.SM2_SM3.hash("abc".getBytes())))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        byte[] leaf = MerkleTree.leafHash(Suite.SM2_SM3, "abc".getBytes());
        assertThat(leaf).isEqualTo(Suite.SM2_SM3.hash(new byte[] {0, 'a', 'b', 'c'}));
        assertThat(MerkleTree.nodeHash(Suite.SM2_SM3, leaf, leaf))
                .isEqualTo(Suite.SM2_SM3.hash(concat(new byte[] {1}, leaf, leaf)));
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
