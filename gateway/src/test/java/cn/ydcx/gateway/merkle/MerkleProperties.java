package cn.ydcx.gateway.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.crypto.Suite;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MerkleProperties {
    record Case(Suite suite, int size, int index) {
    }

    @Provide
    Arbitrary<Case> treeAndIndex() {
        return Combinators.combine(Arbitraries.of(Suite.class), Arbitraries.integers().between(1, 300))
                .flatAs((suite, size) -> Arbitraries.integers().between(0, size - 1).map(i -> new Case(suite, size, i)));
    }

    private static List<byte[]> leaves(Suite suite, int n, int salt) {
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(MerkleTree.leafHash(suite, ByteBuffer.allocate(8).putInt(salt).putInt(i).array()));
        }
        return out;
    }

    @Property(tries = 150)
    void everyInclusionProofVerifiesAndATamperedOneDoesNot(@ForAll("treeAndIndex") Case c) {
        List<byte[]> leaves = leaves(c.suite(), c.size(), 1);
        byte[] root = MerkleTree.rootFromLeafHashes(c.suite(), leaves);
        List<byte[]> proof = MerkleTree.inclusionProof(c.suite(), leaves, c.index());
        assertThat(MerkleTree.verifyInclusion(c.suite(), leaves.get(c.index()), c.index(), c.size(), proof, root)).isTrue();

        byte[] otherLeaf = MerkleTree.leafHash(c.suite(), new byte[] {9, 9});
        assertThat(MerkleTree.verifyInclusion(c.suite(), otherLeaf, c.index(), c.size(), proof, root)).isFalse();
        if (!proof.isEmpty()) {
            List<byte[]> bad = new ArrayList<>(proof);
            int j = c.index() % proof.size();
            byte[] flipped = bad.get(j).clone();
            flipped[0] ^= 1;
            bad.set(j, flipped);
            assertThat(MerkleTree.verifyInclusion(c.suite(), leaves.get(c.index()), c.index(), c.size(), bad, root))
                    .isFalse();
        }
        if (c.size() > 1) {
            int other = (c.index() + 1) % c.size();
            assertThat(MerkleTree.verifyInclusion(c.suite(), leaves.get(c.index()), other, c.size(), proof, root))
                    .isFalse();
        }
    }

    @Property(tries = 150)
    void everyConsistencyProofVerifiesAndATamperedOneDoesNot(@ForAll("treeAndIndex") Case c) {
        int second = c.size();
        int first = c.index() + 1; // 1..second
        List<byte[]> leaves = leaves(c.suite(), second, 2);
        byte[] r1 = MerkleTree.rootFromLeafHashes(c.suite(), leaves.subList(0, first));
        byte[] r2 = MerkleTree.rootFromLeafHashes(c.suite(), leaves);
        List<byte[]> proof = MerkleTree.consistencyProof(c.suite(), leaves, first);
        assertThat(MerkleTree.verifyConsistency(c.suite(), first, second, r1, r2, proof)).isTrue();
        if (first < second) {
            List<byte[]> bad = new ArrayList<>(proof);
            int j = first % proof.size();
            byte[] flipped = bad.get(j).clone();
            flipped[flipped.length - 1] ^= 0x40;
            bad.set(j, flipped);
            assertThat(MerkleTree.verifyConsistency(c.suite(), first, second, r1, r2, bad)).isFalse();
            // a rewritten history (different first leaf) is not consistent
            List<byte[]> rewritten = new ArrayList<>(leaves);
            rewritten.set(0, MerkleTree.leafHash(c.suite(), new byte[] {7}));
            byte[] forged = MerkleTree.rootFromLeafHashes(c.suite(), rewritten);
            assertThat(MerkleTree.verifyConsistency(c.suite(), first, second, r1, forged, proof)).isFalse();
        }
    }

    @Property(tries = 60)
    void accumulatorRootEqualsListRootAtEverySize(@ForAll("treeAndIndex") Case c) {
        List<byte[]> leaves = leaves(c.suite(), c.size(), 3);
        MerkleAccumulator acc = new MerkleAccumulator(c.suite());
        for (int n = 1; n <= leaves.size(); n++) {
            acc.addLeafHash(leaves.get(n - 1));
            if (n == c.index() + 1 || n == leaves.size()) {
                assertThat(acc.root()).isEqualTo(MerkleTree.rootFromLeafHashes(c.suite(), leaves.subList(0, n)));
            }
        }
        assertThat(acc.size()).isEqualTo(c.size());
    }
}
