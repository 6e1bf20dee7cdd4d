package cn.ydcx.gateway.batch;

/**
 * recordId (SPEC §2) = first 16 bytes of SHA-256(UTF-8 of source + "\n" + dataset + "\n" +
 * sourceKey) as 32 lowercase hex. Always SHA-256, whatever the batch suite. String-typed view
 * of {@link cn.ydcx.gateway.model.RecordIds} for values read from received JSON.
 */
public final class RecordIds {
    private RecordIds() {
    }

    public static String of(String source, String dataset, String sourceKey) {
        requireAll(source, dataset, sourceKey);
        return cn.ydcx.gateway.model.RecordIds.hex(cn.ydcx.gateway.model.RecordIds.digest16(source, dataset, sourceKey));
    }

    /** {@code of(source, dataset, sourceKey).equals(recordId)}, without building the expected string. */
    public static boolean matches(String source, String dataset, String sourceKey, String recordId) {
        requireAll(source, dataset, sourceKey);
        return cn.ydcx.gateway.model.RecordIds.matches(source, dataset, sourceKey, recordId);
    }

    private static void requireAll(String source, String dataset, String sourceKey) {
        if (source == null || dataset == null || sourceKey == null) {
            throw new IllegalArgumentException("recordId needs source, dataset and sourceKey");
        }
    }
}
