package cn.ydcx.gateway.crypto;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Run in a child JVM by {@link Sm3LanesTest} (not a test itself): prints which engine
 * Sm3Lanes chose and a few digests, so the test can check the path taken by a JVM started
 * without {@code --add-modules jdk.incubator.vector}. Must not reference the vector engine.
 */
public final class Sm3LanesFallbackMain {
    private Sm3LanesFallbackMain() {
    }

    public static void main(String[] args) {
        Sm3Lanes lanes = Sm3Lanes.get();
        byte[][] messages = new byte[20][];
        for (int i = 0; i < messages.length; i++) {
            messages[i] = "abc".repeat(i * 7).getBytes(StandardCharsets.US_ASCII);
        }
        byte[][] leaves = lanes.hashAll(messages, (byte) 0);
        System.out.println("vectorized=" + lanes.vectorized());
        System.out.println("lanes=" + lanes.lanes());
        System.out.println("abc=" + HexFormat.of().formatHex(
                lanes.hashAll(new byte[][] {"abc".getBytes(StandardCharsets.US_ASCII)})[0]));
        System.out.println("leaf19=" + HexFormat.of().formatHex(leaves[19]));
    }
}
