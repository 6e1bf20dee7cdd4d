package cn.ydcx.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ydcx.gateway.merkle.MerkleTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sm3Lanes and both its engines against Bouncy Castle's SM3. Surefire runs with
 * {@code --add-modules jdk.incubator.vector} (gateway/pom.xml), so the vector engine is
 * exercised here directly; the fallback is checked in-process ({@link Sm3ScalarEngine},
 * {@code -Dydcx.sm3.lanes=scalar}) and in a child JVM without the module.
 */
class Sm3LanesTest {
    static final String ABC = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0";
    static final String ABCD16 = "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732";

    static Stream<Sm3Engine> engines() {
        return Stream.of(new Sm3VectorEngine(), new Sm3ScalarEngine());
    }

    static byte[] bc(int prefix, byte[] m) {
        SM3Digest d = new SM3Digest();
        if (prefix != Sm3Engine.NO_PREFIX) {
            d.update((byte) prefix);
        }
        d.update(m, 0, m.length);
        byte[] h = new byte[32];
        d.doFinal(h, 0);
        return h;
    }

    static byte[][] run(Sm3Engine engine, int prefix, byte[][] messages) {
        byte[][] out = new byte[messages.length][];
        engine.hash(prefix, messages, messages.length, out, 0);
        return out;
    }

    static void assertSameAsBc(Sm3Engine engine, int prefix, byte[][] messages) {
        byte[][] got = run(engine, prefix, messages);
        for (int i = 0; i < messages.length; i++) {
            assertThat(HexFormat.of().formatHex(got[i]))
                    .as("%s, prefix %d, message %d of %d bytes", engine.getClass().getSimpleName(), prefix, i,
                            messages[i].length)
                    .isEqualTo(HexFormat.of().formatHex(bc(prefix, messages[i])));
        }
    }

    static byte[] random(Random r, int length) {
        byte[] b = new byte[length];
        r.nextBytes(b);
        return b;
    }

    @Test
    void theTestJvmHasTheVectorModuleSoSm3LanesIsVectorized() {
        // gateway/pom.xml gives surefire --add-modules jdk.incubator.vector; this CPU has AVX-512
        assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector")).isPresent();
        assertThat(new Sm3VectorEngine().lanes()).isGreaterThanOrEqualTo(4);
        Sm3Lanes lanes = Sm3Lanes.get();
        assertThat(lanes.vectorized()).isEqualTo(new Sm3VectorEngine().lanes() >= 8);
        assertThat(Sm3Lanes.scalar().vectorized()).isFalse();
        assertThat(Sm3Lanes.scalar().lanes()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void gbt32905TestVectors(Sm3Engine engine) {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        byte[] abcd16 = "abcd".repeat(16).getBytes(StandardCharsets.US_ASCII);
        // one message alone (15 idle lanes), then both among others
        assertThat(HexFormat.of().formatHex(run(engine, Sm3Engine.NO_PREFIX, new byte[][] {abc})[0])).isEqualTo(ABC);
        assertThat(HexFormat.of().formatHex(run(engine, Sm3Engine.NO_PREFIX, new byte[][] {abcd16})[0]))
                .isEqualTo(ABCD16);
        byte[][] mixed = {new byte[1000], abc, new byte[5], abcd16, new byte[64], abc};
        byte[][] got = run(engine, Sm3Engine.NO_PREFIX, mixed);
        assertThat(HexFormat.of().formatHex(got[1])).isEqualTo(ABC);
        assertThat(HexFormat.of().formatHex(got[3])).isEqualTo(ABCD16);
        assertThat(HexFormat.of().formatHex(got[5])).isEqualTo(ABC);
        // "ab" after the prefix 'a' is "abc" split differently: the prefix byte is part of the message
        assertThat(HexFormat.of().formatHex(run(engine, 'a', new byte[][] {"bc".getBytes(StandardCharsets.US_ASCII)})[0]))
                .isEqualTo(ABC);
    }

    @Test
    void theFacadeGivesTheTestVectors() {
        for (Sm3Lanes lanes : List.of(Sm3Lanes.get(), Sm3Lanes.scalar())) {
            byte[][] messages = new byte[17][];
            Arrays.fill(messages, "abc".getBytes(StandardCharsets.US_ASCII));
            messages[16] = "abcd".repeat(16).getBytes(StandardCharsets.US_ASCII);
            byte[][] got = lanes.hashAll(messages);
            for (int i = 0; i < 16; i++) {
                assertThat(HexFormat.of().formatHex(got[i])).isEqualTo(ABC);
            }
            assertThat(HexFormat.of().formatHex(got[16])).isEqualTo(ABCD16);
        }
    }

    /** Every length 0..300 in one batch: the lanes finish after 1..5 blocks, in every order. */
    @ParameterizedTest
    @MethodSource("engines")
    void everyLengthUpTo300(Sm3Engine engine) {
        Random r = new Random(32905);
        byte[][] messages = new byte[301][];
        for (int len = 0; len <= 300; len++) {
            messages[len] = random(r, len);
        }
        assertSameAsBc(engine, Sm3Engine.NO_PREFIX, messages);
        assertSameAsBc(engine, 0x00, messages);
        assertSameAsBc(engine, 0x01, messages);
        assertSameAsBc(engine, 0xff, messages);
        List<byte[]> shuffled = new ArrayList<>(Arrays.asList(messages));
        java.util.Collections.shuffle(shuffled, r);
        assertSameAsBc(engine, 0x00, shuffled.toArray(new byte[0][]));
    }

    /** Around the block boundaries where the padding needs a second block (55/56 bytes + prefix). */
    @ParameterizedTest
    @MethodSource("engines")
    void paddingBoundaries(Sm3Engine engine) {
        Random r = new Random(7);
        List<byte[]> messages = new ArrayList<>();
        for (int blocks = 1; blocks <= 4; blocks++) {
            for (int d = -10; d <= 10; d++) {
                int len = 64 * blocks - 9 + d;
                if (len >= 0) {
                    messages.add(random(r, len));
                }
            }
        }
        byte[][] m = messages.toArray(new byte[0][]);
        assertSameAsBc(engine, Sm3Engine.NO_PREFIX, m);
        assertSameAsBc(engine, 0x00, m);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void largeMessages(Sm3Engine engine) {
        Random r = new Random(5);
        byte[][] messages = new byte[40][];
        for (int i = 0; i < messages.length; i++) {
            messages[i] = random(r, 1000 + r.nextInt(4200));
        }
        messages[3] = random(r, 5 * 1024);
        messages[7] = new byte[0];
        messages[8] = random(r, 100_000);
        assertSameAsBc(engine, 0x00, messages);
        assertSameAsBc(engine, Sm3Engine.NO_PREFIX, messages);
    }

    /** Batches of 1..40 mixed-length messages: partly filled lanes, lanes refilled at different steps. */
    @ParameterizedTest
    @MethodSource("engines")
    void batchesOf1To40MixedLengths(Sm3Engine engine) {
        Random r = new Random(40);
        for (int n = 1; n <= 40; n++) {
            byte[][] messages = new byte[n][];
            for (int i = 0; i < n; i++) {
                int kind = r.nextInt(4);
                messages[i] = random(r, kind == 0 ? r.nextInt(60) : kind == 1 ? r.nextInt(300) : 700 + r.nextInt(500));
            }
            assertSameAsBc(engine, 0x00, messages);
        }
    }

    @Test
    void hashWritesAtTheOutputOffsetAndLeavesTheRestAlone() {
        Sm3Engine engine = new Sm3VectorEngine();
        byte[][] messages = {new byte[3], new byte[300], new byte[70]};
        byte[][] out = new byte[6][];
        engine.hash(0x00, messages, 2, out, 3);
        assertThat(out[0]).isNull();
        assertThat(out[2]).isNull();
        assertThat(out[3]).isEqualTo(bc(0x00, messages[0]));
        assertThat(out[4]).isEqualTo(bc(0x00, messages[1]));
        assertThat(out[5]).isNull();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void nodeHashes(Sm3Engine engine) {
        Random r = new Random(65);
        for (int n : new int[] {0, 1, 2, 3, 15, 16, 17, 31, 32, 33, 40, 100}) {
            byte[][] left = new byte[n][];
            byte[][] right = new byte[n][];
            for (int i = 0; i < n; i++) {
                left[i] = random(r, 32);
                right[i] = random(r, 32);
            }
            byte[][] out = new byte[n][];
            engine.nodes(left, right, n, out);
            for (int i = 0; i < n; i++) {
                assertThat(out[i]).as("node %d of %d", i, n)
                        .isEqualTo(MerkleTree.nodeHash(Suite.SM2_SM3, left[i], right[i]));
            }
        }
    }

    @Test
    void leafHashesAndPairUpGiveTheRfc6962Root() {
        Random r = new Random(6962);
        for (int n = 1; n <= 70; n++) {
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                leaves.add(random(r, r.nextInt(1200)));
            }
            for (Sm3Lanes lanes : List.of(Sm3Lanes.get(), Sm3Lanes.scalar())) {
                byte[][] hashes = lanes.leafHashes(leaves);
                List<byte[]> expected = leaves.stream().map(l -> MerkleTree.leafHash(Suite.SM2_SM3, l))
                        .collect(Collectors.toList());
                for (int i = 0; i < n; i++) {
                    assertThat(hashes[i]).isEqualTo(expected.get(i));
                }
                assertThat(lanes.treeHash(hashes)).as("%s, %d leaves", lanes, n)
                        .isEqualTo(MerkleTree.rootFromLeafHashes(Suite.SM2_SM3, expected));
                assertThat(hashes[0]).as("treeHash leaves its input alone").isEqualTo(expected.get(0));
            }
        }
    }

    @Test
    void theTreeHashOfNoLeavesIsTheHashOfNothing() {
        assertThat(Sm3Lanes.get().treeHash(new byte[0][])).isEqualTo(MerkleTree.emptyRoot(Suite.SM2_SM3));
    }

    @Test
    void leafHashesIntoALongerArray() {
        List<byte[]> leaves = List.of(new byte[10], new byte[900], new byte[0], new byte[64], new byte[55]);
        byte[][] out = new byte[7][];
        Sm3Lanes.get().leafHashes(leaves, out);
        for (int i = 0; i < leaves.size(); i++) {
            assertThat(out[i]).isEqualTo(MerkleTree.leafHash(Suite.SM2_SM3, leaves.get(i)));
        }
        assertThat(out[5]).isNull();
        assertThat(Sm3Lanes.get().leafHashes(List.of())).isEmpty();
    }

    @Test
    void rejectsBadInput() {
        Sm3Lanes lanes = Sm3Lanes.get();
        assertThatThrownBy(() -> lanes.hashAll(new byte[][] {new byte[1], null, new byte[1], new byte[1]}))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> lanes.leafHashes(List.of(new byte[1], new byte[2]), new byte[1][]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("room for 1");
        assertThatThrownBy(() -> lanes.nodeHashes(new byte[4][32], new byte[3][32]))
                .isInstanceOf(IllegalArgumentException.class);
        byte[][] shortChild = new byte[5][32];
        shortChild[2] = new byte[31];
        assertThatThrownBy(() -> lanes.nodeHashes(new byte[5][32], shortChild))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("node 2");
    }

    @Test
    void concurrentCallsDoNotInterfere() throws Exception {
        Random r = new Random(2);
        byte[][] messages = new byte[500][];
        for (int i = 0; i < messages.length; i++) {
            messages[i] = random(r, r.nextInt(2000));
        }
        byte[][] expected = Sm3Lanes.scalar().hashAll(messages, (byte) 0);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                try {
                    for (int k = 0; k < 5; k++) {
                        byte[][] got = Sm3Lanes.get().hashAll(messages, (byte) 0);
                        for (int i = 0; i < got.length; i++) {
                            assertThat(got[i]).isEqualTo(expected[i]);
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertThat(failures).isEmpty();
    }

    /** A JVM started without the vector module (as by plain java -jar) falls back to Bouncy Castle. */
    @Test
    void withoutTheVectorModuleTheFallbackIsUsedAndTheVectorClassNeverLoaded() throws Exception {
        String out = childJvm();
        assertThat(out).contains("vectorized=false", "lanes=1", "abc=" + ABC)
                .doesNotContain("Sm3VectorEngine", "jdk.incubator.vector");
        assertThat(out).contains("leaf19=" + HexFormat.of().formatHex(
                bc(0x00, "abc".repeat(19 * 7).getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void thePropertyForcesTheFallbackEvenWithTheModule() throws Exception {
        String out = childJvm("--add-modules", "jdk.incubator.vector", "-Dydcx.sm3.lanes=scalar");
        assertThat(out).contains("vectorized=false", "lanes=1", "abc=" + ABC).doesNotContain("Sm3VectorEngine");
        String vectorOut = childJvm("--add-modules", "jdk.incubator.vector");
        assertThat(vectorOut).contains("vectorized=true", "abc=" + ABC, "Sm3VectorEngine");
        assertThat(vectorOut.lines().filter(l -> l.startsWith("leaf19="))).containsExactlyElementsOf(
                out.lines().filter(l -> l.startsWith("leaf19=")).collect(Collectors.toList()));
    }

    /** Runs Sm3LanesFallbackMain with -Xlog:class+load (to see whether the vector engine was loaded). */
    private static String childJvm(String... jvmArgs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmArgs));
        cmd.addAll(List.of("-Xlog:class+load=info:stdout", "-cp", System.getProperty("java.class.path"),
                Sm3LanesFallbackMain.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        // only our lines and the loads of our classes matter
        return out.lines().filter(l -> !l.contains("[class,load]") || l.contains("cn.ydcx") || l.contains("jdk.incubator"))
                .collect(Collectors.joining("\n"));
    }
}
