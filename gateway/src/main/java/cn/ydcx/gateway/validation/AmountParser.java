package cn.ydcx.gateway.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * SPEC §2 rule 5: native amount → yuan with exactly two decimals, exact decimal arithmetic.
 * Accepted: ASCII digits, one optional decimal point, exponent notation (1.5E4), and — when the
 * node uses them — thousands separators in groups of three (1,234,567.5). Negative, non-numeric
 * or absurdly large values (more than 15 integer digits in yuan) are rejected.
 */
public final class AmountParser {
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final int MAX_INTEGER_DIGITS = 15;
    private static final String ZERO_YUAN = "0.00";
    /** Marks a value outside the fast path's pattern (a distinct instance, compared by identity). */
    private static final String NOT_PLAIN = new String("not plain");
    /** Longest value the fast path looks at; longer (odd) values go to BigDecimal. */
    private static final int FAST_MAX_LENGTH = 64;

    public enum Unit { YUAN, WAN_YUAN }

    private final Unit unit;
    private final char thousandsSeparator; // 0 = none allowed

    public AmountParser(Unit unit, char thousandsSeparator) {
        this.unit = unit;
        this.thousandsSeparator = thousandsSeparator;
    }

    public Unit unit() {
        return unit;
    }

    /**
     * A canonical yuan amount in this unit, exactly: yuan as given ("2000.00"), 万元 divided by
     * 10000 without rounding and without trailing zeros or exponent (12345.68 → "1.234568").
     * Null when the value is not a non-negative plain decimal.
     */
    public String format(String canonicalYuan) {
        if (canonicalYuan == null || canonicalYuan.isEmpty() || !asciiNumberChars(canonicalYuan)
                || canonicalYuan.indexOf('e') >= 0 || canonicalYuan.indexOf('E') >= 0) {
            return null;
        }
        BigDecimal v;
        try {
            v = new BigDecimal(canonicalYuan);
        } catch (NumberFormatException e) {
            return null;
        }
        if (v.signum() < 0 || canonicalYuan.charAt(0) == '-' || canonicalYuan.charAt(0) == '+') {
            return null;
        }
        return unit == Unit.YUAN ? v.toPlainString() : v.movePointLeft(4).stripTrailingZeros().toPlainString();
    }

    /** Canonical yuan string for a cleaned native value, or null when it is not a valid amount. */
    public String parse(String cleaned) {
        String plain = thousandsSeparator != 0 && cleaned.indexOf(thousandsSeparator) >= 0
                ? stripGrouping(cleaned) : cleaned;
        if (plain == null) {
            return null;
        }
        String fast = fastParse(plain);
        return fast != NOT_PLAIN ? fast : bigDecimalParse(plain);
    }

    /**
     * The common plain form — ASCII digits, optionally one '.' followed by at least one digit; no
     * sign, exponent or separator — in long arithmetic: the same answer as
     * {@link #bigDecimalParse}, null included. {@link #NOT_PLAIN} for anything else.
     *
     * <p>With k integer digits after leading zeros, BigDecimal's precision − scale is k when the
     * integer part is non-zero (and ≤ 1 otherwise), and k + 4 after the 万元 ×10000. HALF_UP to
     * two decimals in yuan looks only at the first discarded digit: the 3rd fraction digit in
     * yuan, the 7th in 万元 (×10000 shifts the point by four).
     */
    private String fastParse(String s) {
        int n = s.length();
        if (n == 0 || n > FAST_MAX_LENGTH) {
            return NOT_PLAIN;
        }
        int i = 0;
        while (i < n && s.charAt(i) == '0') {
            i++; // leading zeros
        }
        long integer = 0;
        int intDigits = 0;
        char c = 0;
        for (; i < n; i++) {
            c = s.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            if (++intDigits > MAX_INTEGER_DIGITS) {
                // still must be the plain pattern to answer null here: check the rest
                return restIsPlain(s, i + 1, n) ? null : NOT_PLAIN;
            }
            integer = integer * 10 + (c - '0');
        }
        if (i == 0) {
            return NOT_PLAIN; // ".5", "" (caught above), "+5", "e5": BigDecimal decides
        }
        int fractionDigits = unit == Unit.YUAN ? 2 : 6; // digits kept before rounding
        long fraction = 0;
        int roundDigit = 0;
        if (i < n) {
            if (c != '.' || i + 1 == n) {
                return NOT_PLAIN; // "1.", "1e5", "1,5", junk
            }
            int f = 0;
            for (int j = i + 1; j < n; j++, f++) {
                char d = s.charAt(j);
                if (d < '0' || d > '9') {
                    return NOT_PLAIN;
                }
                if (f < fractionDigits) {
                    fraction = fraction * 10 + (d - '0');
                } else if (f == fractionDigits) {
                    roundDigit = d - '0';
                }
            }
            for (; f < fractionDigits; f++) {
                fraction *= 10;
            }
        } else {
            for (int f = 0; f < fractionDigits; f++) {
                fraction *= 10;
            }
        }
        if (unit == Unit.WAN_YUAN && intDigits + 4 > MAX_INTEGER_DIGITS) {
            return null;
        }
        // cents ≤ (10^15 − 1) × 100 + 100 (yuan) or (10^11 − 1) × 10^6 + 10^6 (万元): fits a long
        long cents = unit == Unit.YUAN ? integer * 100 + fraction : integer * 1_000_000 + fraction;
        if (roundDigit >= 5) {
            cents++;
        }
        return centsToString(cents);
    }

    private static boolean restIsPlain(String s, int from, int n) {
        int i = from;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == n) {
            return true;
        }
        if (s.charAt(i) != '.' || i + 1 == n) {
            return false;
        }
        for (int j = i + 1; j < n; j++) {
            if (s.charAt(j) < '0' || s.charAt(j) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String centsToString(long cents) {
        byte[] b = new byte[21];
        int p = b.length;
        long v = cents;
        b[--p] = (byte) ('0' + (int) (v % 10));
        v /= 10;
        b[--p] = (byte) ('0' + (int) (v % 10));
        v /= 10;
        b[--p] = '.';
        do {
            b[--p] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        } while (v != 0);
        return new String(b, p, b.length - p, StandardCharsets.ISO_8859_1);
    }

    /** The reference for tests: {@link #parse} with BigDecimal only, no fast path. */
    String referenceParse(String cleaned) {
        String plain = thousandsSeparator != 0 && cleaned.indexOf(thousandsSeparator) >= 0
                ? stripGrouping(cleaned) : cleaned;
        return plain == null ? null : bigDecimalParse(plain);
    }

    /** For tests: whether {@link #parse} answers this (separator-free) value without BigDecimal. */
    boolean takesFastPath(String plain) {
        return fastParse(plain) != NOT_PLAIN;
    }

    /** The general path (and the fast path's reference): exact BigDecimal arithmetic. */
    private String bigDecimalParse(String plain) {
        if (!asciiNumberChars(plain)) {
            return null;
        }
        BigDecimal v;
        try {
            v = new BigDecimal(plain);
        } catch (NumberFormatException e) {
            return null;
        }
        if (v.signum() < 0 || plain.charAt(0) == '-') {
            return null;
        }
        // Guard before scaling: 1E999999999 must not make us build a billion-digit number.
        if (v.precision() - v.scale() > MAX_INTEGER_DIGITS) {
            return null;
        }
        if (unit == Unit.WAN_YUAN) {
            v = v.multiply(TEN_THOUSAND);
            if (v.precision() - v.scale() > MAX_INTEGER_DIGITS) {
                return null;
            }
        }
        // Below 0.001 HALF_UP gives 0.00; setScale would first build 10^scale, which for
        // 7E-831187031 overflows BigInteger (ArithmeticException) after seconds of work.
        if (v.precision() - v.scale() <= -3) {
            return ZERO_YUAN;
        }
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    // BigDecimal would also take non-ASCII digits (full-width, Arabic-Indic); amounts are ASCII.
    private static boolean asciiNumberChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Removes separators if they group the integer part by threes; null if they do not. */
    private String stripGrouping(String s) {
        int start = (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        int end = start;
        while (end < s.length() && s.charAt(end) != '.' && s.charAt(end) != 'e' && s.charAt(end) != 'E') {
            end++;
        }
        if (s.indexOf(thousandsSeparator, end) >= 0) {
            return null; // separator in the fraction or exponent
        }
        StringBuilder b = new StringBuilder(s.length());
        b.append(s, 0, start);
        int group = -1; // digits since the last separator; -1 before the first separator
        int lead = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == thousandsSeparator) {
                if ((group < 0 && (lead < 1 || lead > 3)) || (group >= 0 && group != 3)) {
                    return null;
                }
                group = 0;
                continue;
            }
            if (group < 0) {
                lead++;
            } else {
                group++;
            }
            b.append(c);
        }
        if (group >= 0 && group != 3) {
            return null;
        }
        b.append(s, end, s.length());
        return b.toString();
    }
}
