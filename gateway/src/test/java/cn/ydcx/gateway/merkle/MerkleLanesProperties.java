package cn.ydcx.gateway.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.crypto.Sm3Lanes;
import cn.ydcx.gateway.crypto.Suite;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The SM3 accumulator that hashes leaves in chunks of vector lanes gives the same roots as leaf
 * by leaf, whatever the size and wherever roots are taken or pre-hashed leaves are mixed in
 * (both break the alignment of chunks to subtrees).
 */
class MerkleLanesProperties {

    @Test
    void theTestJvmHashesInVectorLanes() {
        // surefire runs with --add-modules jdk.incubator.vector: otherwise these properties test nothing new
        assertThat(Sm3Lanes.get().vectorized()).isTrue();
    }

    /**
     * {@code interruptEvery}: about one root() and one pre-hashed leaf per that many leaves; 0 for
     * none (then every chunk is full and aligned: the subtree path), small values break chunks.
     */
    @Property(tries = 60)
    void chunkedRootsEqualLeafByLeafRoots(@ForAll @IntRange(min = 0, max = 1100) int size, // > 4 chunks
            @ForAll("interruptions") int interruptEvery, @ForAll @IntRange(min = 0, max = 1000) int seed) {
        Random rnd = new Random(seed);
        MerkleAccumulator lanes = new MerkleAccumulator(Suite.SM2_SM3, true);
        MerkleAccumulator oneByOne = new MerkleAccumulator(Suite.SM2_SM3, false);
        List<byte[]> leafHashes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            byte[] leaf = new byte[rnd.nextInt(600)];
            rnd.nextBytes(leaf);
            if (interruptEvery > 0 && rnd.nextInt(interruptEvery) == 0) {
                byte[] h = MerkleTree.leafHash(Suite.SM2_SM3, leaf);
                lanes.addLeafHash(h);
                oneByOne.addLeafHash(h);
            } else {
                // a slice of a bigger buffer, as the verifier passes record slices of a request body;
                // in place (read at the next flush) or copied
                byte[] buf = new byte[leaf.length + 7];
                System.arraycopy(leaf, 0, buf, 3, leaf.length);
                if (rnd.nextBoolean()) {
                    lanes.addLeafInPlace(buf, 3, leaf.length);
                } else {
                    lanes.addLeaf(buf, 3, leaf.length);
                    buf[3 + rnd.nextInt(leaf.length + 1)] ^= 1; // a copy: later changes do not count
                }
                oneByOne.addLeafInPlace(leaf, 0, leaf.length);
            }
            leafHashes.add(MerkleTree.leafHash(Suite.SM2_SM3, leaf));
            assertThat(lanes.size()).isEqualTo(i + 1);
            if (interruptEvery > 0 && rnd.nextInt(interruptEvery) == 0) {
                assertThat(lanes.root()).isEqualTo(oneByOne.root());
            }
        }
        byte[] expected = MerkleTree.rootFromLeafHashes(Suite.SM2_SM3, leafHashes);
        assertThat(oneByOne.root()).isEqualTo(expected);
        assertThat(lanes.root()).isEqualTo(expected);
    }

    @Test
    void inPlaceLeavesAreReadWhenTheirChunkIsHashed() {
        // the contract of addLeafInPlace: bytes changed before the next root() change the root
        MerkleAccumulator lanes = new MerkleAccumulator(Suite.SM2_SM3, true);
        byte[] body = "[{\"a\":1},{\"a\":2}]".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        lanes.addLeafInPlace(body, 1, 7);
        lanes.addLeafInPlace(body, 9, 7);
        body[6] = '3';
        MerkleAccumulator expected = new MerkleAccumulator(Suite.SM2_SM3, false);
        expected.addLeaf("{\"a\":3}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        expected.addLeaf("{\"a\":2}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(lanes.root()).isEqualTo(expected.root());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> lanes.addLeafInPlace(body, 10, 9))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Provide
    Arbitrary<Integer> interruptions() {
        return Arbitraries.of(0, 0, 1000, 40);
    }
}
