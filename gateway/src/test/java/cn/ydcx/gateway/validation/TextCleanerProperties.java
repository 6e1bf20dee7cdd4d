package cn.ydcx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * TextCleaner (table-driven, with no-copy fast paths for values that are already clean) against
 * a literal reading of SPEC §2 rules 1–3, over text mixing every character class the rules
 * treat specially with plain ASCII and CJK.
 */
class TextCleanerProperties {
    /** SPEC §2 "Details that decide edge cases": Unicode White_Space. */
    static final Set<Character> WHITE_SPACE = Set.of('\t', '\n', '\u000B', '\u000C', '\r', ' ', '\u0085', '\u00A0',
            '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008',
            '\u2009', '\u200A', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000');
    static final Set<Character> ZERO_WIDTH = Set.of('\u200B', '\u200C', '\u200D', '\uFEFF');

    @Property(tries = 3000)
    void matchesTheSpecRules(@ForAll("text") String s) {
        String clean = referenceClean(s);
        assertThat(TextCleaner.clean(s)).isEqualTo(clean);
        assertThat(TextCleaner.identifier(s)).isEqualTo(referenceIdentifier(clean, false));
        assertThat(TextCleaner.upperIdentifier(s)).isEqualTo(referenceIdentifier(clean, true));
        assertThat(TextCleaner.name(s)).isEqualTo(clean == null ? null : clean.replace('(', '（').replace(')', '）'));
    }

    static String referenceClean(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (!ZERO_WIDTH.contains(c)) {
                b.append(WHITE_SPACE.contains(c) ? ' ' : c);
            }
        }
        // only ' ' is trimmed: String.strip would also take U+001C..U+001F, which are not White_Space
        String out = b.toString().replaceAll(" +", " ").replaceAll("^ | $", "");
        return out.isEmpty() ? null : out;
    }

    static String referenceIdentifier(String clean, boolean upper) {
        if (clean == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (char c : clean.toCharArray()) {
            char a = c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c;
            if (a != ' ') {
                b.append(upper && a >= 'a' && a <= 'z' ? Character.toUpperCase(a) : a);
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    @Provide
    Arbitrary<String> text() {
        Arbitrary<Character> c = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.chars().range('!', '~')),
                net.jqwik.api.Tuple.of(5, Arbitraries.chars().range('\u4E00', '\u9FA5')),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(WHITE_SPACE)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(ZERO_WIDTH)),
                net.jqwik.api.Tuple.of(2, Arbitraries.chars().range('\uFF00', '\uFF60')),
                net.jqwik.api.Tuple.of(1, Arbitraries.of('\u180E', '\u200E', '\u3001', '〔', '（', '\u0000', '\u007F', '\u001C', '\u001F')));
        return c.list().ofMaxSize(20).map(l -> {
            StringBuilder b = new StringBuilder();
            l.forEach(b::append);
            return b.toString();
        });
    }
}
