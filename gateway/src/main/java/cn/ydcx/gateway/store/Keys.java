package cn.ydcx.gateway.store;

/**
 * The 64-bit numbers record versions are indexed by (see the migration): lookups go through the
 * number and then compare the text, so a collision costs a row read, never a wrong answer.
 */
final class Keys {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Keys() {
    }

    /** The first 16 hex digits of a recordId (itself the start of a SHA-256), as a long. */
    static long recordKey(String recordId) {
        if (recordId.length() >= 16) {
            try {
                return Long.parseUnsignedLong(recordId, 0, 16, 16);
            } catch (NumberFormatException e) {
                // not hex: only a malformed id, hashed like any text
            }
        }
        return hash(recordId);
    }

    /**
     * The hash of a subject key's identifier: the USCC, or the ID number alone (without its type),
     * so a query by ID number finds every ID type's records with one index lookup.
     */
    static Long subjectHash(String subjectKey) {
        if (subjectKey == null) {
            return null;
        }
        int bar = subjectKey.indexOf('|');
        return hash(bar < 0 ? subjectKey : subjectKey.substring(0, bar));
    }

    /** FNV-1a over the UTF-16 code units. */
    static long hash(String s) {
        long h = FNV_OFFSET;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= FNV_PRIME;
        }
        return h;
    }
}
