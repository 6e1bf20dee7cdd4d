package cn.ydcx.gateway.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** recordId of SPEC §2: first 16 bytes of SHA-256(source "\n" dataset "\n" sourceKey), lowercase hex. */
public final class RecordIds {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    // MessageDigest is not thread-safe; one per thread avoids a provider lookup per row.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 not available", e);
        }
    });

    private RecordIds() {
    }

    public static String of(NodeCode source, Dataset dataset, String sourceKey) {
        return hex(digest16(source, dataset, sourceKey));
    }

    /** The 16 raw bytes behind {@link #of}. */
    public static byte[] digest16(NodeCode source, Dataset dataset, String sourceKey) {
        if (sourceKey == null || sourceKey.isEmpty()) {
            throw new IllegalArgumentException("sourceKey is required for a recordId");
        }
        MessageDigest md = SHA256.get();
        md.reset();
        byte[] full = md.digest((source.name() + "\n" + dataset.code() + "\n" + sourceKey)
                .getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[16];
        System.arraycopy(full, 0, out, 0, 16);
        return out;
    }

    public static String hex(byte[] bytes) {
        char[] c = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            c[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            c[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(c);
    }
}
