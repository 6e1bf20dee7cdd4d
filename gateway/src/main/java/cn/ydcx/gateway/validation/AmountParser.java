package cn.ydcx.gateway.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * SPEC §2 rule 5: native amount → yuan with exactly two decimals, exact decimal arithmetic.
 * Accepted: ASCII digits, one optional decimal point, exponent notation (1.5E4), and — when the
 * node uses them — thousands separators in groups of three (1,234,567.5). Negative, non-numeric
 * or absurdly large values (more than 15 integer digits in yuan) are rejected.
 */
public final class AmountParser {
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final int MAX_INTEGER_DIGITS = 15;

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
        if (plain == null || !asciiNumberChars(plain)) {
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
