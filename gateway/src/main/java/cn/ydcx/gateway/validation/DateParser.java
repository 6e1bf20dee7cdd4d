package cn.ydcx.gateway.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/**
 * Parses a node's native date pattern strictly (SPEC §2 rule 4 and §3). Built once per mapping;
 * {@code y} in the pattern is read as proleptic year {@code u} because STRICT resolving of
 * year-of-era needs an era.
 */
public final class DateParser {
    /** Native value of an open-ended validTo (license only). */
    public static final String PERMANENT_LABEL = "长期";
    public static final String PERMANENT = "9999-12-31";

    private final String pattern;
    private final DateTimeFormatter formatter;
    /** Null when the pattern is not one of the simple shapes FastDatePattern handles. */
    private final FastDatePattern fast;

    public DateParser(String pattern) {
        this.pattern = pattern;
        this.formatter = DateTimeFormatter.ofPattern(toStrict(pattern)).withResolverStyle(ResolverStyle.STRICT);
        this.fast = FastDatePattern.compile(pattern);
        LocalDate probe = LocalDate.of(2024, 11, 23);
        String formatted;
        try {
            formatted = formatter.format(probe);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("date pattern '" + pattern + "' cannot express a date: " + e.getMessage());
        }
        if (!probe.equals(parseOrNull(formatted))) {
            throw new IllegalArgumentException("date pattern '" + pattern + "' must contain year, month and day");
        }
    }

    public String pattern() {
        return pattern;
    }

    /** Canonical yyyy-MM-dd for a cleaned native value, or null if it is not a real date in the pattern. */
    public String parse(String cleaned) {
        String quick = fast == null ? null : fast.parse(cleaned);
        if (quick != null) {
            return quick;
        }
        return slowParse(cleaned);
    }

    /** The formatter alone: the definition of {@link #parse}, which the fast path must agree with. */
    String slowParse(String cleaned) {
        LocalDate d = parseOrNull(cleaned);
        return d == null ? null : d.toString();
    }

    /** Whether {@link #parse} has a fast path for this pattern (tests). */
    boolean hasFastPath() {
        return fast != null;
    }

    /** A canonical yyyy-MM-dd date in this pattern, or null when it is not a canonical date. */
    public String format(String canonical) {
        try {
            return formatter.format(LocalDate.parse(canonical));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** As {@link #parse} but also accepts 长期 (SPEC: only for license validTo). */
    public String parseValidTo(String cleaned) {
        return PERMANENT_LABEL.equals(cleaned) ? PERMANENT : parse(cleaned);
    }

    private LocalDate parseOrNull(String s) {
        try {
            LocalDate d = LocalDate.from(formatter.parse(s));
            // LocalDate.toString writes years beyond 9999 with a sign; keep canonical dates 4-digit.
            return d.getYear() >= 1 && d.getYear() <= 9999 ? d : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String toStrict(String pattern) {
        StringBuilder b = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            b.append(!quoted && c == 'y' ? 'u' : c);
        }
        return b.toString();
    }
}
