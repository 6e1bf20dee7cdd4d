package cn.ydcx.gateway.batch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * recordId (SPEC §2) = first 16 bytes of SHA-256(UTF-8 of source + "\n" + dataset + "\n" +
 * sourceKey) as 32 lowercase hex. Always SHA-256, whatever the batch suite.
 */
public final class RecordIds {
    private RecordIds() {
    }

    public static String of(String source, String dataset, String sourceKey) {
        if (source == null || dataset == null || sourceKey == null) {
            throw new IllegalArgumentException("recordId needs source, dataset and sourceKey");
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((source + "\n" + dataset + "\n" + sourceKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(Arrays.copyOf(h, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
