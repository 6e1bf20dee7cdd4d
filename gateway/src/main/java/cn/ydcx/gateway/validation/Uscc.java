package cn.ydcx.gateway.validation;

/**
 * Unified social credit code, GB 32100-2015: 18 characters from 0-9 A-H J-N P-R T U W-Y; the
 * 18th is the check character for weights 3^i mod 31 over the first 17.
 */
public final class Uscc {
    public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = new int[17];
    private static final int[] VALUE = new int[128];

    static {
        int w = 1;
        for (int i = 0; i < 17; i++) {
            WEIGHTS[i] = w;
            w = (w * 3) % 31;
        }
        java.util.Arrays.fill(VALUE, -1);
        for (int i = 0; i < CHARSET.length(); i++) {
            VALUE[CHARSET.charAt(i)] = i;
        }
    }

    private Uscc() {
    }

    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int check = checkValue(code);
        return check >= 0 && value(code.charAt(17)) == check;
    }

    /** The check character for the first 17 characters; fails if they are not in the charset. */
    public static char checkChar(String first17) {
        if (first17.length() < 17) {
            throw new IllegalArgumentException("need 17 characters: " + first17);
        }
        int v = checkValue(first17);
        if (v < 0) {
            throw new IllegalArgumentException("character outside the GB 32100 set in " + first17);
        }
        return CHARSET.charAt(v);
    }

    private static int checkValue(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = value(code.charAt(i));
            if (v < 0) {
                return -1;
            }
            sum += v * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return c == 31 ? 0 : c;
    }

    private static int value(char c) {
        return c < 128 ? VALUE[c] : -1;
    }
}
