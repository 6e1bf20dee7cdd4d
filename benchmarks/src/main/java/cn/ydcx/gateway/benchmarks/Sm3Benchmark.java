package cn.ydcx.gateway.benchmarks;

import cn.ydcx.gateway.crypto.Crypto;
import cn.ydcx.gateway.crypto.Sm3Lanes;
import cn.ydcx.gateway.jcs.Jcs;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Leaf hashes H(0x00 ‖ leaf) of 10,000 real canonical records (JCS of ZJ penalty records, about
 * 0.9 KB each): Bouncy Castle's SM3 one leaf after the other vs crypto.Sm3Lanes (multi-buffer
 * SM3 in vector lanes), also in chunks of 4..64 leaves per call (partly filled lanes) and over
 * 512 leaves that stay in the L2 cache ("Hot"), and
 * node hashes H(0x01 ‖ l ‖ r); for information the JDK's SHA-256 (SHA-NI intrinsics) vs Bouncy
 * Castle's. Every result is per record (one leaf or node hash): records/s.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules", "jdk.incubator.vector"})
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class Sm3Benchmark {
    static final int N = 10_000;
    static final int HOT = 512;

    private List<byte[]> leaves;
    private byte[][] leafArray;
    private byte[][] hotArray;
    private byte[][] left;
    private byte[][] right;
    private byte[][] out;
    private Sm3Lanes lanes;
    private MessageDigest jdkSha256;
    private MessageDigest bcSha256;
    private MessageDigest bcSm3Jca;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        List<ObjectNode> records = Fixtures.zjPenaltyRecords(N);
        leaves = new ArrayList<>(N);
        long bytes = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (ObjectNode r : records) {
            byte[] b = Jcs.canonicalize(r);
            leaves.add(b);
            bytes += b.length;
            min = Math.min(min, b.length);
            max = Math.max(max, b.length);
        }
        leafArray = leaves.toArray(new byte[0][]);
        hotArray = Arrays.copyOf(leafArray, HOT);
        out = new byte[N][];
        left = new byte[N][];
        right = new byte[N][];
        SM3Digest d = new SM3Digest();
        for (int i = 0; i < N; i++) {
            left[i] = hash(d, leafArray[i]);
            right[i] = hash(d, leafArray[(i + 1) % N]);
        }
        lanes = Sm3Lanes.get();
        jdkSha256 = MessageDigest.getInstance("SHA-256", "SUN");
        bcSha256 = MessageDigest.getInstance("SHA-256", Crypto.provider());
        bcSm3Jca = MessageDigest.getInstance("SM3", Crypto.provider());
        // correctness against Bouncy Castle before measuring anything
        byte[][] got = lanes.leafHashes(leaves);
        for (int i = 0; i < N; i++) {
            d.update((byte) 0);
            d.update(leafArray[i], 0, leafArray[i].length);
            byte[] want = new byte[32];
            d.doFinal(want, 0);
            if (!Arrays.equals(want, got[i])) {
                throw new IllegalStateException("Sm3Lanes differs from Bouncy Castle at leaf " + i);
            }
        }
        System.out.printf("%n[setup] %s; %d leaves, %d..%d bytes, mean %.0f bytes (%s)%n", lanes, N, min, max,
                (double) bytes / N, jdkSha256.getProvider());
    }

    private static byte[] hash(SM3Digest d, byte[] m) {
        d.update(m, 0, m.length);
        byte[] h = new byte[32];
        d.doFinal(h, 0);
        return h;
    }

    private static void leafHashes(MessageDigest md, byte[][] leaves, Blackhole bh) {
        for (byte[] leaf : leaves) {
            md.reset();
            md.update((byte) 0x00);
            md.update(leaf);
            bh.consume(md.digest());
        }
    }

    /** Bouncy Castle's SM3 through the JCA, as Suite.newDigest() / MerkleAccumulator use it. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void sm3Bc(Blackhole bh) {
        leafHashes(bcSm3Jca, leafArray, bh);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public byte[][] sm3Lanes() {
        lanes.leafHashes(leaves, out);
        return out;
    }

    private byte[][] chunked(int k) {
        byte[][] chunk = new byte[k][];
        byte[][] o = new byte[k][];
        for (int i = 0; i + k <= N; i += k) {
            System.arraycopy(leafArray, i, chunk, 0, k);
            System.arraycopy(lanes.hashAll(chunk, (byte) 0), 0, out, i, k);
        }
        return out;
    }

    /**
     * The first HOT leaves (about 480 KB: they stay in the 1 MB L2 cache between invocations),
     * as when leaves are hashed right after they were canonicalized.
     */
    @Benchmark
    @OperationsPerInvocation(HOT)
    public void sm3BcHot(Blackhole bh) {
        leafHashes(bcSm3Jca, hotArray, bh);
    }

    @Benchmark
    @OperationsPerInvocation(HOT)
    public byte[][] sm3LanesHot() {
        return lanes.hashAll(hotArray, (byte) 0);
    }

    /** Calls of 4 leaves: 12 of 16 lanes idle. */
    @Benchmark
    @OperationsPerInvocation(N / 4 * 4)
    public byte[][] sm3LanesChunk04() {
        return chunked(4);
    }

    @Benchmark
    @OperationsPerInvocation(N / 8 * 8)
    public byte[][] sm3LanesChunk08() {
        return chunked(8);
    }

    @Benchmark
    @OperationsPerInvocation(N / 16 * 16)
    public byte[][] sm3LanesChunk16() {
        return chunked(16);
    }

    @Benchmark
    @OperationsPerInvocation(N / 64 * 64)
    public byte[][] sm3LanesChunk64() {
        return chunked(64);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void nodeSm3Bc(Blackhole bh) {
        MessageDigest md = bcSm3Jca;
        for (int i = 0; i < N; i++) {
            md.reset();
            md.update((byte) 0x01);
            md.update(left[i]);
            md.update(right[i]);
            bh.consume(md.digest());
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public byte[][] nodeSm3Lanes() {
        return lanes.nodeHashes(left, right);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void sha256Jdk(Blackhole bh) {
        leafHashes(jdkSha256, leafArray, bh);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void sha256Bc(Blackhole bh) {
        leafHashes(bcSha256, leafArray, bh);
    }
}
