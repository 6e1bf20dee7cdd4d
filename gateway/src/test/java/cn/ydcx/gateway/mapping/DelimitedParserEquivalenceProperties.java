package cn.ydcx.gateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * DelimitedParser (fields copied out of its buffer in runs) reads every input exactly like the
 * char-by-char {@link ReferenceDelimitedParser}: same fields, malformed flags, line numbers and
 * whole-file failures, also when the reader hands out text in tiny pieces so that fields,
 * quotes and line breaks straddle buffer refills.
 */
class DelimitedParserEquivalenceProperties {

    @Property(tries = 2000)
    void sameRecordsAsTheReference(@ForAll("texts") String text, @ForAll @IntRange(min = 1, max = 9) int piece,
            @ForAll boolean pipe) {
        char delimiter = pipe ? '|' : ',';
        assertThat(read(new DelimitedParser(new Pieces(text, piece), delimiter, '"')))
                .isEqualTo(readReference(new ReferenceDelimitedParser(new Pieces(text, piece), delimiter, '"')));
        assertThat(read(new DelimitedParser(new StringReader(text), delimiter, '"')))
                .isEqualTo(readReference(new ReferenceDelimitedParser(new StringReader(text), delimiter, '"')));
    }

    @Example
    void fieldLengthLimitAtTheBoundary() {
        int max = DelimitedParser.MAX_FIELD_CHARS;
        for (String text : List.of(
                "a,b\n" + "x".repeat(max) + ",y\nc,d\n",
                "a,b\n" + "x".repeat(max + 1) + ",y\nc,d\n",
                "a,b\ny," + "x".repeat(max + 1) + "\nc,d\n",
                "a,b\n\"" + "x".repeat(max) + "\",y\n",
                "a,b\n\"" + "x".repeat(max + 1) + "\",y\n",
                "a,b\n\"" + "x".repeat(max - 1) + "\n\",y\n")) {
            for (int piece : new int[] {7, 4096, Integer.MAX_VALUE}) {
                assertThat(read(new DelimitedParser(new Pieces(text, piece), ',', '"')))
                        .isEqualTo(readReference(new ReferenceDelimitedParser(new Pieces(text, piece), ',', '"')));
            }
        }
    }

    /** Short texts over the characters that matter: delimiters, quotes, every line break, CJK. */
    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of("a", "b", "中", "文", ",", ",", "|", "\"", "\"", "\"\"", "\n", "\r", "\r\n", " ", "x\"y")
                .list().ofMaxSize(40).map(l -> String.join("", l));
    }

    private static List<String> read(DelimitedParser p) {
        List<String> out = new ArrayList<>();
        try {
            while (p.next()) {
                out.add((p.malformed() ? "MALFORMED " : "") + p.line() + " " + p.fields());
            }
        } catch (UnreadableFileException e) {
            out.add("FAILED " + e.getMessage());
        }
        return out;
    }

    private static List<String> readReference(ReferenceDelimitedParser p) {
        List<String> out = new ArrayList<>();
        try {
            while (p.next()) {
                out.add((p.malformed() ? "MALFORMED " : "") + p.line() + " " + p.fields());
            }
        } catch (UnreadableFileException e) {
            out.add("FAILED " + e.getMessage());
        }
        return out;
    }

    /** A reader that returns at most {@code piece} chars per read. */
    private static final class Pieces extends Reader {
        private final String text;
        private final int piece;
        private int pos;

        Pieces(String text, int piece) {
            this.text = text;
            this.piece = piece;
        }

        @Override
        public int read(char[] cbuf, int off, int len) {
            if (pos >= text.length()) {
                return -1;
            }
            int n = Math.min(Math.min(len, piece), text.length() - pos);
            text.getChars(pos, pos + n, cbuf, off);
            pos += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
