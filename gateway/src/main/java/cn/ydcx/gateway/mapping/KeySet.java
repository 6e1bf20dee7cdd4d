package cn.ydcx.gateway.mapping;

/**
 * The sourceKeys seen so far in one input, for DUPLICATE_KEY. Stores the 128-bit recordId
 * digest of each key (source and dataset are fixed per input, so digest equality is key
 * equality up to a 2^-128 collision) in an open-addressing table of longs: 2,000,000 keys take
 * about 64 MB, where a HashSet of strings would need several times that and break -Xmx256m.
 */
final class KeySet {
    // slot i holds (table[2i], table[2i+1]); (0, 0) marks an empty slot, so the one digest that is
    // all zeros is kept aside in hasZero. One array: a probe touches one cache line, not two.
    private long[] table = new long[2 * 1024];
    private int slots = 1024;
    private boolean hasZero;
    private int size;

    /** Adds the 16-byte digest; false when it was already present. */
    boolean add(byte[] digest16) {
        long hi = toLong(digest16, 0);
        long lo = toLong(digest16, 8);
        if (hi == 0 && lo == 0) {
            if (hasZero) {
                return false;
            }
            hasZero = true;
            size++;
            return true;
        }
        if ((size + 1) * 2 > slots) {
            grow();
        }
        return insert(hi, lo);
    }

    int size() {
        return size;
    }

    private boolean insert(long hi, long lo) {
        int mask = slots - 1;
        int i = (int) (lo ^ (lo >>> 32)) & mask; // digest bits are uniformly distributed already
        while (true) {
            long h = table[2 * i];
            long l = table[2 * i + 1];
            if (h == 0 && l == 0) {
                break;
            }
            if (h == hi && l == lo) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[2 * i] = hi;
        table[2 * i + 1] = lo;
        size++;
        return true;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        slots *= 2;
        size = hasZero ? 1 : 0;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0 || old[i + 1] != 0) {
                insert(old[i], old[i + 1]);
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
