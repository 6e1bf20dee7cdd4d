package cn.ydcx.gateway.validation;

/**
 * SPEC §2 normalisation rules 1–3 for text, identifiers and names. One pass per value over
 * precomputed tables (no regex): this runs for every field of every row.
 */
public final class TextCleaner {
    private static final int TABLE = 0x3001;
    private static final byte KEEP = 0;
    private static final byte SPACE = 1;
    private static final byte DROP = 2;
    private static final byte[] CLASS = new byte[TABLE];

    static {
        // Unicode White_Space, exactly the list of SPEC §2 "Details that decide edge cases".
        for (int c = 0x09; c <= 0x0D; c++) {
            CLASS[c] = SPACE;
        }
        CLASS[0x20] = SPACE;
        CLASS[0x85] = SPACE;
        CLASS[0xA0] = SPACE;
        CLASS[0x1680] = SPACE;
        for (int c = 0x2000; c <= 0x200A; c++) {
            CLASS[c] = SPACE;
        }
        CLASS[0x2028] = SPACE;
        CLASS[0x2029] = SPACE;
        CLASS[0x202F] = SPACE;
        CLASS[0x205F] = SPACE;
        CLASS[0x3000] = SPACE;
        // zero-width space, non-joiner, joiner; U+FEFF is outside the table and handled below
        CLASS[0x200B] = DROP;
        CLASS[0x200C] = DROP;
        CLASS[0x200D] = DROP;
    }

    private TextCleaner() {
    }

    private static byte classOf(char c) {
        if (c < TABLE) {
            return CLASS[c];
        }
        return c == '\uFEFF' ? DROP : KEEP;
    }

    /**
     * Rule 1: zero-width characters removed, every white-space character becomes a space, runs
     * collapse to one, trimmed. Returns null for a value that is empty afterwards (= absent).
     */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        if (isAlreadyClean(s, n)) {
            return n == 0 ? null : s;
        }
        StringBuilder b = new StringBuilder(n);
        boolean pendingSpace = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            byte k = classOf(c);
            if (k == DROP) {
                continue;
            }
            if (k == SPACE) {
                pendingSpace = b.length() > 0;
                continue;
            }
            if (pendingSpace) {
                b.append(' ');
                pendingSpace = false;
            }
            b.append(c);
        }
        return b.length() == 0 ? null : b.toString();
    }

    // Fast path: most values need no change, so avoid allocating a copy.
    private static boolean isAlreadyClean(String s, int n) {
        char prev = ' ';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            byte k = classOf(c);
            if (k == DROP || (k == SPACE && (c != ' ' || prev == ' '))) {
                return false;
            }
            prev = c;
        }
        return n == 0 || s.charAt(n - 1) != ' ';
    }

    /**
     * Rule 2 for decisionNumber, licenseNumber, reportNumber: clean, full-width ASCII forms
     * U+FF01–U+FF5E to ASCII (so （2023） becomes (2023); 〔〕 untouched), all spaces removed.
     */
    public static String identifier(String s) {
        return identifier(s, false);
    }

    /** Rule 2 for uscc, idNumber and every *.uscc: as {@link #identifier} and upper-cased. */
    public static String upperIdentifier(String s) {
        return identifier(s, true);
    }

    // One pass, no intermediate clean() copy: every white-space character ends up removed (rule 1
    // turns it into a space, rule 2 drops spaces), zero-width ones too, and U+FF01–U+FF5E map to
    // '!'–'~', never to a space. Most identifiers are already plain (no white-space, zero-width or
    // full-width characters, upper case where required) and are returned as they are.
    private static String identifier(String s, boolean upper) {
        if (s == null || s.isEmpty()) {
            return null; // an empty column: the usual idNumber of a company row
        }
        int n = s.length();
        int i = 0;
        while (i < n && isPlainIdentifierChar(s.charAt(i), upper)) {
            i++;
        }
        if (i == n) {
            return s;
        }
        char[] out = new char[n];
        s.getChars(0, i, out, 0);
        int k = i;
        for (; i < n; i++) {
            char ch = s.charAt(i);
            if (classOf(ch) != KEEP) {
                continue;
            }
            if (ch >= '\uFF01' && ch <= '\uFF5E') {
                ch = (char) (ch - 0xFEE0);
            }
            if (upper && ch >= 'a' && ch <= 'z') {
                ch = (char) (ch - 32);
            }
            out[k++] = ch;
        }
        return k == 0 ? null : new String(out, 0, k);
    }

    private static boolean isPlainIdentifierChar(char c, boolean upper) {
        return classOf(c) == KEEP && !(c >= '\uFF01' && c <= '\uFF5E') && !(upper && c >= 'a' && c <= 'z');
    }

    /** Rule 3 for subject/authority/dataSource/agency names: clean, ASCII ( ) to full-width （ ）. */
    public static String name(String s) {
        String c = clean(s);
        if (c == null || (c.indexOf('(') < 0 && c.indexOf(')') < 0)) {
            return c;
        }
        return c.replace('(', '（').replace(')', '）');
    }
}
