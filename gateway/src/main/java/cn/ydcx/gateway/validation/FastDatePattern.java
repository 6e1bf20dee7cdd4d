package cn.ydcx.gateway.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * Fast path of {@link DateParser} for the simple patterns nodes use (yyyy-MM-dd, yyyy/M/d,
 * yyyyMMdd): year, month and day fields and literal separators, nothing else. DateTimeFormatter
 * costs about a microsecond per value (field maps, resolver, an exception per bad date), and
 * dates are several fields of every row.
 *
 * <p>It only ever answers for a value of the plain shape that is a real date: 4-digit year,
 * MM/dd exactly 2 digits, M/d 1–2 digits not followed by another digit, literals exactly, whole
 * value consumed, year 1–9999. For those the formatter gives the same date. Anything else
 * (bad date, extra digits, signs, other characters) returns null and DateParser asks the
 * formatter, so its answer stays the single definition of what is accepted.
 */
final class FastDatePattern {
    private static final int YEAR = -1;
    private static final int MONTH = -2;
    private static final int DAY = -3;

    /** Per token: YEAR/MONTH/DAY, or a literal char (≥ 0). */
    private final int[] kinds;
    /** Per numeric token: exact width (2, 4) or 0 for 1–2 digits. */
    private final int[] widths;

    private FastDatePattern(int[] kinds, int[] widths) {
        this.kinds = kinds;
        this.widths = widths;
    }

    /** The fast path for a DateTimeFormatter pattern, or null when it has anything beyond y/u, M, d and literals. */
    static FastDatePattern compile(String pattern) {
        List<int[]> tokens = new ArrayList<>();
        boolean year = false;
        boolean month = false;
        boolean day = false;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int run = 1;
            while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
                run++;
            }
            if (c == 'y' || c == 'u') {
                if (run != 4 || year) {
                    return null;
                }
                year = true;
                tokens.add(new int[] {YEAR, 4});
            } else if (c == 'M' || c == 'd') {
                if (run > 2 || (c == 'M' ? month : day)) {
                    return null;
                }
                if (c == 'M') {
                    month = true;
                } else {
                    day = true;
                }
                tokens.add(new int[] {c == 'M' ? MONTH : DAY, run == 2 ? 2 : 0});
            } else if (isPlainLiteral(c)) {
                for (int k = 0; k < run; k++) {
                    tokens.add(new int[] {c, 0});
                }
            } else {
                return null;
            }
            i += run;
        }
        if (!year || !month || !day) {
            return null;
        }
        int[] kinds = new int[tokens.size()];
        int[] widths = new int[tokens.size()];
        for (int t = 0; t < kinds.length; t++) {
            kinds[t] = tokens.get(t)[0];
            widths[t] = tokens.get(t)[1];
            // Adjacent numeric fields: the formatter splits a digit run by reserving the widths of
            // the fixed-width fields that follow (yyyyMMdd). Only that case matches the widths read
            // here; a 1-2 digit M or d next to another numeric field is left to the formatter.
            if (t > 0 && kinds[t] < 0 && kinds[t - 1] < 0 && (widths[t] == 0 || widths[t - 1] == 0)) {
                return null;
            }
        }
        return new FastDatePattern(kinds, widths);
    }

    // Letters are pattern fields and ' [ ] # { } are pattern syntax: all left to the formatter.
    private static boolean isPlainLiteral(char c) {
        return c < 0x80 && !Character.isLetter(c) && c != '\'' && c != '[' && c != ']' && c != '#' && c != '{'
                && c != '}' && !Character.isDigit(c) && c >= 0x20;
    }

    /** Canonical yyyy-MM-dd when {@code s} is a real date of the plain shape, else null (= ask the formatter). */
    String parse(String s) {
        int n = s.length();
        int p = 0;
        int y = -1;
        int m = -1;
        int d = -1;
        for (int t = 0; t < kinds.length; t++) {
            int kind = kinds[t];
            if (kind >= 0) {
                if (p >= n || s.charAt(p) != kind) {
                    return null;
                }
                p++;
                continue;
            }
            int w = widths[t];
            int digits = 0;
            while (p + digits < n && digits < (w == 0 ? 2 : w) && isDigit(s.charAt(p + digits))) {
                digits++;
            }
            if (digits == 0 || (w != 0 && digits != w)) {
                return null;
            }
            // 1-2 digit fields are greedy in the formatter: a third digit is its case, not ours
            if (w == 0 && p + digits < n && isDigit(s.charAt(p + digits))) {
                return null;
            }
            int v = 0;
            for (int k = 0; k < digits; k++) {
                v = 10 * v + (s.charAt(p + k) - '0');
            }
            p += digits;
            if (kind == YEAR) {
                y = v;
            } else if (kind == MONTH) {
                m = v;
            } else {
                d = v;
            }
        }
        if (p != n || y < 1 || m < 1 || m > 12 || d < 1 || d > lengthOfMonth(y, m)) {
            return null;
        }
        char[] out = {
            digit(y / 1000), digit(y / 100 % 10), digit(y / 10 % 10), digit(y % 10), '-',
            digit(m / 10), digit(m % 10), '-', digit(d / 10), digit(d % 10)
        };
        return new String(out);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static char digit(int v) {
        return (char) ('0' + v);
    }

    private static int lengthOfMonth(int y, int m) {
        return switch (m) {
            case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }
}
