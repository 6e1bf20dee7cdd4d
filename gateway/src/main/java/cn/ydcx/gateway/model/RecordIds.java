package cn.ydcx.gateway.model;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * recordId of SPEC §2: first 16 bytes of SHA-256(UTF-8 of source "\n" dataset "\n" sourceKey),
 * lowercase hex. Always SHA-256, whatever the batch suite. The one implementation; the
 * string-typed {@code cn.ydcx.gateway.batch.RecordIds} (for received JSON) delegates here.
 */
public final class RecordIds {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    // MessageDigest is not thread-safe; one per thread avoids a provider lookup per row.
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

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
        return digest16(source.name(), dataset.code(), sourceKey);
    }

    /**
     * The 16 raw bytes of the recordId of the given wire strings, with no check of their values
     * (callers validate; an empty sourceKey is hashed as it is).
     */
    public static byte[] digest16(String source, String dataset, String sourceKey) {
        byte[] out = new byte[16];
        System.arraycopy(SCRATCH.get().sha256(source, dataset, sourceKey), 0, out, 0, 16);
        return out;
    }

    /**
     * Whether {@code recordId} is exactly the lowercase-hex recordId of the given wire strings;
     * same as {@code hex(digest16(source, dataset, sourceKey)).equals(recordId)}, without the
     * intermediate arrays and string.
     */
    public static boolean matches(String source, String dataset, String sourceKey, String recordId) {
        if (recordId == null || recordId.length() != 32) {
            return false;
        }
        byte[] h = SCRATCH.get().sha256(source, dataset, sourceKey);
        for (int i = 0; i < 16; i++) {
            if (recordId.charAt(2 * i) != HEX[(h[i] >> 4) & 0xF] || recordId.charAt(2 * i + 1) != HEX[h[i] & 0xF]) {
                return false;
            }
        }
        return true;
    }

    public static String hex(byte[] bytes) {
        char[] c = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            c[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            c[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(c);
    }

    /** Per-thread digest and output buffer. */
    private static final class Scratch {
        final MessageDigest md;
        final byte[] hash = new byte[32];
        byte[] in = new byte[256];

        Scratch() {
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 not available", e);
            }
        }

        /** The full SHA-256 in {@link #hash} (overwritten by the next call on this thread). */
        byte[] sha256(String source, String dataset, String sourceKey) {
            // UTF-8 of source "\n" dataset "\n" sourceKey, encoded straight into a reused buffer
            int max = 3 * (source.length() + dataset.length() + sourceKey.length()) + 2;
            if (in.length < max) {
                in = new byte[Math.max(max, 2 * in.length)];
            }
            int p = utf8(source, in, 0);
            in[p++] = '\n';
            p = utf8(dataset, in, p);
            in[p++] = '\n';
            p = utf8(sourceKey, in, p);
            md.reset();
            md.update(in, 0, p);
            try {
                md.digest(hash, 0, 32);
            } catch (DigestException e) {
                throw new IllegalStateException(e);
            }
            if (in.length > 4096) {
                in = new byte[256];
            }
            return hash;
        }

        /**
         * Same bytes as {@code s.getBytes(UTF_8)} (a lone surrogate becomes '?'), written at
         * {@code p}; {@code out} has room for 3 bytes per char.
         */
        static int utf8(String s, byte[] out, int p) {
            int n = s.length();
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    out[p++] = (byte) c;
                } else if (c < 0x800) {
                    out[p++] = (byte) (0xC0 | (c >> 6));
                    out[p++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isSurrogate(c)) {
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        int cp = Character.toCodePoint(c, s.charAt(++i));
                        out[p++] = (byte) (0xF0 | (cp >> 18));
                        out[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                        out[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                        out[p++] = (byte) (0x80 | (cp & 0x3F));
                    } else {
                        out[p++] = '?';
                    }
                } else {
                    out[p++] = (byte) (0xE0 | (c >> 12));
                    out[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    out[p++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            return p;
        }
    }
}
