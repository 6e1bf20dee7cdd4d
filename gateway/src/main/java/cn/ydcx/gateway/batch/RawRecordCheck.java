package cn.ydcx.gateway.batch;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The per-record checks of {@link BatchVerifier} (source, dataset, recordId) done on a
 * canonical record's bytes: its plain string values are the UTF-8 of their text, so they are
 * compared and hashed where they lie, with no String per field and one reused SHA-256.
 *
 * <p>Only answers "passes"; a record that does not pass goes through the tree-based check,
 * which words the problem exactly as before (and lets through the rare record this byte check
 * cannot judge, e.g. an escaped character in its sourceKey). Not thread-safe.
 */
final class RawRecordCheck {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final byte[] source;
    private final byte[] dataset;
    /** UTF-8 of source "\n" dataset "\n": the recordId hash input before the sourceKey. */
    private final byte[] idPrefix;
    private final MessageDigest sha256;
    private final byte[] hash = new byte[32];

    /** For records of a batch whose header holds source and dataset (already validated). */
    RawRecordCheck(String source, String dataset) {
        this.source = source.getBytes(StandardCharsets.UTF_8);
        this.dataset = dataset.getBytes(StandardCharsets.UTF_8);
        this.idPrefix = (source + "\n" + dataset + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            sha256 = MessageDigest.getInstance("SHA-256"); // as model.RecordIds
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 not available", e);
        }
    }

    /** Whether canonical record i of the layout carries the header's source, dataset and its correct recordId. */
    boolean passes(BatchLayout doc, int i) {
        byte[] b = doc.body();
        int key = doc.fieldStart(i, BatchLayout.F_SOURCE_KEY);
        int id = doc.fieldStart(i, BatchLayout.F_RECORD_ID);
        return key >= 0 && id >= 0
                && equal(b, doc.fieldStart(i, BatchLayout.F_SOURCE), doc.fieldEnd(i, BatchLayout.F_SOURCE), source)
                && equal(b, doc.fieldStart(i, BatchLayout.F_DATASET), doc.fieldEnd(i, BatchLayout.F_DATASET), dataset)
                && idMatches(b, key, doc.fieldEnd(i, BatchLayout.F_SOURCE_KEY), id, doc.fieldEnd(i, BatchLayout.F_RECORD_ID));
    }

    private static boolean equal(byte[] b, int start, int end, byte[] expected) {
        return start >= 0 && Arrays.equals(b, start, end, expected, 0, expected.length);
    }

    /** Same answer as RecordIds.matches(source, dataset, b[key, keyEnd) as text, b[id, idEnd) as text). */
    private boolean idMatches(byte[] b, int key, int keyEnd, int id, int idEnd) {
        if (idEnd - id != 32) {
            return false;
        }
        sha256.update(idPrefix);
        sha256.update(b, key, keyEnd - key);
        try {
            sha256.digest(hash, 0, 32);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        for (int j = 0; j < 16; j++) {
            if (b[id + 2 * j] != HEX[(hash[j] >> 4) & 0xF] || b[id + 2 * j + 1] != HEX[hash[j] & 0xF]) {
                return false;
            }
        }
        return true;
    }
}
