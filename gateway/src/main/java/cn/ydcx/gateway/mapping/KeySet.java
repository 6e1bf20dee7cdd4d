package cn.ydcx.gateway.mapping;

/**
 * The sourceKeys seen so far in one input, for DUPLICATE_KEY. Stores the 128-bit recordId
 * digest of each key (source and dataset are fixed per input, so digest equality is key
 * equality up to a 2^-128 collision) in an open-addressing table of longs: 2,000,000 keys take
 * about 64 MB, where a HashSet of strings would need several times that and break -Xmx256m.
 */
final class KeySet {
    private long[] table = new long[2 * 1024];
    private boolean[] used = new boolean[1024];
    private int size;

    /** Adds the 16-byte digest; false when it was already present. */
    boolean add(byte[] digest16) {
        long hi = toLong(digest16, 0);
        long lo = toLong(digest16, 8);
        if ((size + 1) * 2 > used.length) {
            grow();
        }
        return insert(hi, lo);
    }

    int size() {
        return size;
    }

    private boolean insert(long hi, long lo) {
        int mask = used.length - 1;
        int i = (int) (lo ^ (lo >>> 32)) & mask; // digest bits are uniformly distributed already
        while (used[i]) {
            if (table[2 * i] == hi && table[2 * i + 1] == lo) {
                return false;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        table[2 * i] = hi;
        table[2 * i + 1] = lo;
        size++;
        return true;
    }

    private void grow() {
        long[] oldTable = table;
        boolean[] oldUsed = used;
        table = new long[oldTable.length * 2];
        used = new boolean[oldUsed.length * 2];
        size = 0;
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                insert(oldTable[2 * i], oldTable[2 * i + 1]);
            }
        }
    }

    private static long toLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }
}
