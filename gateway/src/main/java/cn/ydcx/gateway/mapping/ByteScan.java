package cn.ydcx.gateway.mapping;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Finding a byte in an array eight bytes at a time (line splitting of JSON Lines). */
final class ByteScan {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteScan() {
    }

    /** Index of the first {@code target} in {@code b[from, to)}, or {@code to} when there is none. */
    static int indexOf(byte[] b, int from, int to, byte target) {
        long pattern = ONES * (target & 0xFF);
        int i = from;
        while (i + 8 <= to) {
            long v = (long) LONGS.get(b, i) ^ pattern;
            if (((v - ONES) & ~v & HIGHS) != 0) {
                break; // a zero byte in v: the target is among these eight
            }
            i += 8;
        }
        while (i < to && b[i] != target) {
            i++;
        }
        return i;
    }
}
