package cn.ydcx.gateway.batch;

/** recordId = first 16 bytes of SHA-256(source + "\n" + dataset + "\n" + sourceKey), lowercase hex. */
public final class RecordIds {
    private RecordIds() {
    }

    public static String of(String source, String dataset, String sourceKey) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
