package cn.ydcx.gateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelimitedParserTest {

    private static List<List<String>> parse(String text, char delimiter) {
        DelimitedParser p = new DelimitedParser(new StringReader(text), delimiter, '"');
        List<List<String>> out = new ArrayList<>();
        while (p.next()) {
            List<String> row = new ArrayList<>(p.fields());
            if (p.malformed()) {
                row.add(0, "MALFORMED@" + p.line());
            }
            out.add(row);
        }
        return out;
    }

    @Test
    void splitsQuotesAndLineEndings() {
        assertThat(parse("a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\r\n\n\"multi\r\nline\",2,3\r4,5,6", ','))
                .containsExactly(List.of("a", "b", "c"), List.of("x,1", "say \"hi\"", ""),
                        List.of("multi\r\nline", "2", "3"), List.of("4", "5", "6"));
    }

    @Test
    void pipeDelimiterWithQuotedPipes() {
        assertThat(parse("A|B\n\"1|2\"|x\"y\n", '|')).containsExactly(List.of("A", "B"), List.of("1|2", "x\"y"));
    }

    @Test
    void textAfterAClosingQuoteSpoilsOnlyThatRecord() {
        assertThat(parse("a,b\n\"x\"y,z\nc,d\n", ',')).containsExactly(List.of("a", "b"),
                List.of("MALFORMED@2", "x"), List.of("c", "d"));
    }

    @Test
    void unterminatedQuoteFailsNamingItsLine() {
        assertThatThrownBy(() -> parse("a,b\nc,d\n\"open,e\nf,g\n", ',')).isInstanceOf(UnreadableFileException.class)
                .hasMessage("quoted value opened on line 3 is never closed");
    }

    @Test
    void oneHugeRowCannotExhaustTheHeap() {
        String tooManyFields = ",".repeat(DelimitedParser.MAX_FIELDS + 5);
        String tooLongValue = "x".repeat(DelimitedParser.MAX_FIELD_CHARS + 1);
        List<List<String>> rows = parse("a,b\n" + tooManyFields + "\n" + tooLongValue + ",y\nc,d\n", ',');
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).get(0)).isEqualTo("MALFORMED@2");
        assertThat(rows.get(1)).hasSizeLessThanOrEqualTo(DelimitedParser.MAX_FIELDS + 1);
        assertThat(rows.get(2).get(0)).isEqualTo("MALFORMED@3");
        assertThat(rows.get(3)).containsExactly("c", "d");
        assertThatThrownBy(() -> parse("a,b\n\"" + tooLongValue + "\"\n", ','))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("opened on line 2 is longer than");
    }
}
