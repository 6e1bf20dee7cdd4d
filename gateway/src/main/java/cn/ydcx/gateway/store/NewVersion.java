package cn.ydcx.gateway.store;

/**
 * One record of a batch about to be stored: its keys and its JCS bytes, {@code length} bytes of
 * {@code bytes} from {@code offset} (a slice of a received body, or a whole array).
 */
public record NewVersion(String recordId, String op, String subjectKey, byte[] bytes, int offset, int length) {

    public static NewVersion of(String recordId, String op, String subjectKey, byte[] jcs) {
        return new NewVersion(recordId, op, subjectKey, jcs, 0, jcs.length);
    }

    boolean isUpsert() {
        return "UPSERT".equals(op);
    }

    byte[] jcs() {
        if (offset == 0 && length == bytes.length) {
            return bytes;
        }
        byte[] out = new byte[length];
        System.arraycopy(bytes, offset, out, 0, length);
        return out;
    }
}
