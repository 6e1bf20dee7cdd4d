package cn.ydcx.gateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.NodeCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link JsonLinesFastPath} is sound: with it, SH lines read exactly as without it (Utf8Check +
 * Jackson's byte parser) and as on the char path (modulo the cut-short escape difference of
 * {@link JsonLinesBytePathProperties}), for generated lines (every kind of value, odd numbers,
 * escapes, control characters, whitespace, nested unknown values, duplicate keys) and real
 * sample lines, each spoilt with byte edits (invalid UTF-8, NULs, cuts, stray JSON pieces).
 * And it is used: every real sample line is read by it.
 */
class JsonLinesFastPathProperties {
    static final Mapping SH_PENALTY = JsonLinesBytePathProperties.SH_PENALTY;
    static final MappingRegistry REGISTRY = MappingRegistry.load(MappingSource.directory(Path.of("mappings")));
    static final List<byte[]> SAMPLE_LINES = sampleLines();

    @Property(tries = 3000)
    void generatedLinesReadAlikeWithAndWithoutTheFastPath(@ForAll("generatedFiles") byte[] file) {
        assertSame(file);
    }

    @Property(tries = 2000)
    void spoiltSampleLinesReadAlikeWithAndWithoutTheFastPath(@ForAll("sampleFiles") byte[] file) {
        assertSame(file);
    }

    /**
     * The generated lines are not all ones the fast path gives up on: of clean lines (no byte
     * edits), a fair share is read by it, so the properties above compare it with Jackson.
     */
    @Example
    void generatedLinesOftenTakeTheFastPath() {
        List<String> lines = object(2).sampleStream().limit(2000).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lines.forEach(l -> out.writeBytes((l + "\n").getBytes(StandardCharsets.UTF_8)));
        Read r = read(out.toByteArray(), SH_PENALTY, true, true);
        long wellFormed = read(out.toByteArray(), SH_PENALTY, true, false).rows.stream()
                .filter(row -> !row.endsWith(" MALFORMED")).count();
        assertThat(r.fastLines).as("of %d well-formed", wellFormed).isGreaterThan(lines.size() / 10);
    }

    @Example
    void everySampleLineTakesTheFastPath() throws IOException {
        for (Dataset d : Dataset.values()) {
            Path sample = Path.of("samples/SH/" + d.code() + ".jsonl");
            byte[] file = Files.readAllBytes(sample);
            Mapping m = REGISTRY.get(NodeCode.SH, d);
            Read fast = read(file, m, true, true);
            assertThat(fast.rows).as(sample.toString()).isEqualTo(read(file, m, true, false).rows)
                    .isEqualTo(read(file, m, false, false).rows);
            // the samples hold a few deliberately broken lines (MALFORMED_ROW); every other line goes fast
            long wellFormed = fast.rows.stream().filter(r -> !r.endsWith(" MALFORMED")).count();
            assertThat(wellFormed).isGreaterThan(fast.rows.size() * 9L / 10);
            assertThat(fast.fastLines).as(sample + ": lines read by the fast path").isEqualTo(wellFormed);
        }
    }

    // ------------------------------------------------------------------ examples: done vs unsure

    static final String HEAD = "{\"uscc\":\"91310117414724N36Y\",\"subjectName\":\"上海锦程\"";

    @Example
    void readByTheFastPath() {
        for (String tail : List.of(
                "}",
                " , \"fineAmountYuan\" :\t16500 }\r",
                ",\"fineAmountYuan\":-0,\"confiscatedAmountYuan\":1.5E4}",
                ",\"fineAmountYuan\":0.50,\"confiscatedAmountYuan\":1e-2}",
                ",\"fineAmountYuan\":12345.675,\"confiscatedAmountYuan\":1E+5}",
                ",\"remark\":null,\"penaltyTypes\":[]}",
                ",\"penaltyTypes\":[ \"FINE\" , null ,\"WARNING\"]}",
                ",\"penaltyTypes\":\"FINE WARNING\"}",
                ",\"content\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t 中𠮷é\u007f\"}",
                ",\"unknown\":{\"a\":[1,-2.5e3,true,false,null,{\"b\":\"\\n\"}],\"a\":{}},\"名\":\"x\"}",
                ",\"unknown\":true,\"unknown\":false}")) {
            assertFast(HEAD + tail, true);
        }
        assertFast("{}", true);
        assertFast("  {\"uscc\":\"\"}  ", true);
    }

    @Example
    void leftToJackson() {
        for (String tail : List.of(
                ",\"content\":\"\\u0041\"}",           // \\u escapes (surrogates) are Jackson's
                ",\"us\\u0063c\":\"x\"}",               // an escaped key may name a slot
                ",\"uscc\":\"again\"}",                 // a mapped key twice: MALFORMED
                ",\"remark\":true}",                    // boolean on a mapped key: MALFORMED
                ",\"remark\":{}}",                      // object on a mapped key: MALFORMED
                ",\"remark\":[\"a\"]}",                 // array on a single-value key: MALFORMED
                ",\"penaltyTypes\":[1]}",               // number in a code array: MALFORMED
                ",\"fineAmountYuan\":01}",              // leading zero
                ",\"fineAmountYuan\":1.}",
                ",\"fineAmountYuan\":1e}",
                ",\"fineAmountYuan\":+1}",
                ",\"fineAmountYuan\":NaN}",
                ",\"fineAmountYuan\":1" + "0".repeat(100) + "}", // longer than MAX_NUMBER_CHARS
                ",\"content\":\"tab\there\"}",         // raw control character
                ",\"content\":\"\\x\"}",                // unknown escape
                ",\"unknown\":" + "[".repeat(40) + "]".repeat(40) + "}", // deeper than MAX_DEPTH
                ",}",
                "} x",
                "}{}",
                ",\"remark\":nullx}",
                ",\"remark\":nul}")) {
            assertFast(HEAD + tail, false);
        }
        assertFast("\uFEFF{}", false); // a BOM (not the file's first bytes) takes the char path
        assertFast("[]", false);
        assertFast("\"" + "k".repeat(JsonLinesFastPath.MAX_KEY_BYTES + 1) + "\"", false);
        assertFast("{\"" + "k".repeat(JsonLinesFastPath.MAX_KEY_BYTES + 1) + "\":1}", false);
        for (String hex : List.of("c0af", "eda080", "f4908080", "e4b8", "80", "00")) {
            byte[] line = (HEAD + ",\"content\":\"a" + "X".repeat(4) + "b\"}\n").getBytes(StandardCharsets.UTF_8);
            int at = indexOf(line, (byte) 'X');
            byte[] bad = HexFormat.of().parseHex(hex);
            System.arraycopy(bad, 0, line, at, bad.length);
            Read r = read(line, SH_PENALTY, true, true);
            assertThat(r.fastLines).as(hex).isZero();
            assertThat(r.rows).as(hex).isEqualTo(read(line, SH_PENALTY, true, false).rows);
        }
    }

    /** The predicted key (the one that followed last time) must end with its closing quote. */
    @Example
    void aPredictedKeyMustBeTheWholeKey() {
        for (String line : List.of("{\"uscc!:\"x\"}", "{\"uscc :\"x\"}", "{\"usccc\":\"x\"}", "{\"usc\":\"x\"}")) {
            byte[] file = ("{\"uscc\":\"a\"}\n" + line + "\n").getBytes(StandardCharsets.UTF_8);
            assertSame(file);
            assertThat(read(file, SH_PENALTY, true, true).rows.get(1)).as(line)
                    .doesNotContain("|x|"); // never read as uscc
        }
    }

    /** A key one byte off a mapped name (predicted or not) is an unknown key, whichever byte it is. */
    @Example
    void aKeyOneByteOffIsUnknown() {
        for (String name : SH_PENALTY.sourceNames()) {
            for (int i = 0; i < name.length(); i++) {
                String off = name.substring(0, i) + '#' + name.substring(i + 1);
                for (String first : List.of("{}", "{\"" + name + "\":\"y\"}")) { // without and with prediction
                    byte[] file = (first + "\n{\"" + off + "\":\"x\"}\n").getBytes(StandardCharsets.UTF_8);
                    Read r = read(file, SH_PENALTY, true, true);
                    assertThat(r.fastLines).isEqualTo(2);
                    assertThat(r.rows.get(1)).as(off).doesNotContain("|x|");
                    assertSame(file);
                }
            }
        }
    }

    /** Key matching on raw bytes, for names the SH mappings do not have. */
    @Example
    void keysAreMatchedOnTheirRawBytes() {
        List<String> names = List.of("a/b", "𠮷", "tab\t", "dup", "dup", "q\"");
        JsonLinesFastPath fast = new JsonLinesFastPath(names, new boolean[names.size()]);
        assertThat(parse(fast, names.size(), "{\"a/b\":\"1\",\"𠮷\":2,\"dup\":3}"))
                .containsExactly("1", "2", null, null, "3", null);
        assertThat(parse(fast, names.size(), "{\"a\\/b\":\"1\"}")).isNull(); // "a/b" escaped: Jackson's
        assertThat(parse(fast, names.size(), "{\"q\\\"\":\"1\"}")).isNull();
        assertThat(parse(fast, names.size(), "{\"tab\\t\":\"1\"}")).isNull();
        assertThat(parse(fast, names.size(), "{\"a/b\":\"1\",\"a/b\":\"1\"}")).isNull(); // twice
        assertThat(parse(fast, names.size(), "{\"a/b\\n\":\"1\"}")).isNull(); // any escaped key: Jackson's
        assertThat(parse(fast, names.size(), "{\"a/bc\":\"1\",\"dup \":1}")).containsOnlyNulls(); // unknown keys
    }

    private static List<String> parse(JsonLinesFastPath fast, int slots, String line) {
        String[] values = new String[slots];
        List<List<String>> arrays = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            arrays.add(null);
        }
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return fast.parse(b, b.length, values, arrays, new boolean[slots]) ? java.util.Arrays.asList(values) : null;
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    private static void assertFast(String line, boolean done) {
        byte[] file = ("{}\n" + line + "\n").getBytes(StandardCharsets.UTF_8); // "{}" first: no BOM stripping
        Read r = read(file, SH_PENALTY, true, true);
        assertThat(r.fastLines).as(line).isEqualTo(done ? 2 : 1);
        assertSame(file);
    }

    // ------------------------------------------------------------------ comparison

    private static void assertSame(byte[] file) {
        Read fast = read(file, SH_PENALTY, true, true);
        List<String> jackson = read(file, SH_PENALTY, true, false).rows;
        List<String> chars = read(file, SH_PENALTY, false, false).rows;
        String shown = new String(file, StandardCharsets.UTF_8);
        assertThat(fast.rows).as(shown).isEqualTo(jackson);
        assertThat(fast.rows).hasSameSizeAs(chars);
        for (int i = 0; i < chars.size(); i++) {
            if (!fast.rows.get(i).equals(chars.get(i))) {
                // the one known difference, see JsonLinesBytePathProperties: a cut-short \\u escape
                // before a non-ASCII char (in a value: a lone surrogate; in a key: just another key)
                assertThat(CUT_SHORT_ESCAPE.matcher(shown).find()
                        || chars.get(i).contains(JsonLinesBytePathProperties.LONE_SURROGATE)).as(shown).isTrue();
                assertThat(fast.rows.get(i)).as(shown).endsWith(" MALFORMED");
            }
        }
    }

    static final java.util.regex.Pattern CUT_SHORT_ESCAPE = java.util.regex.Pattern.compile("\\\\u[0-9a-fA-F]{0,3}[^\\x00-\\x7F]");

    record Read(List<String> rows, long fastLines) {
    }

    private static Read read(byte[] file, Mapping m, boolean bytePath, boolean fastPath) {
        List<String> out = new ArrayList<>();
        long fastLines = 0;
        try (RowReader r = JsonLinesRowReader.open(new ByteArrayInputStream(file), m, bytePath, fastPath)) {
            while (r.next()) {
                StringBuilder b = new StringBuilder().append(r.row()).append(r.malformed() ? " MALFORMED" : "");
                if (!r.malformed()) {
                    for (int slot = 0; slot < m.sourceNames().size(); slot++) {
                        // the value's class too: null vs "null", an empty list vs none
                        b.append(" |").append(visible(r.value(slot))).append('|').append(r.values(slot).stream()
                                .map(JsonLinesFastPathProperties::visible).toList());
                    }
                }
                out.add(b.toString());
            }
            fastLines = ((JsonLinesRowReader) r).fastLines;
        } catch (UnreadableFileException e) {
            out.add("FAILED " + e.getMessage());
        }
        return new Read(out, fastLines);
    }

    /** Every char as its code, so that any difference (lone surrogates, controls) shows and counts. */
    private static String visible(String s) {
        if (s == null) {
            return "<null>";
        }
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c < 0x7F && c >= 0x20 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return b.toString();
    }

    // ------------------------------------------------------------------ generators

    private static List<byte[]> sampleLines() {
        List<byte[]> lines = new ArrayList<>();
        for (Dataset d : Dataset.values()) {
            try {
                for (String l : Files.readAllLines(Path.of("samples/SH/" + d.code() + ".jsonl"))) {
                    if (!l.isBlank()) {
                        lines.add(l.getBytes(StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }

    @Provide
    Arbitrary<byte[]> sampleFiles() {
        return files(Arbitraries.of(SAMPLE_LINES).flatMap(JsonLinesFastPathProperties::spoil));
    }

    @Provide
    Arbitrary<byte[]> generatedFiles() {
        Arbitrary<byte[]> line = object(2).map(s -> s.getBytes(StandardCharsets.UTF_8));
        return files(Arbitraries.oneOf(line, line.flatMap(JsonLinesFastPathProperties::spoil)));
    }

    private static Arbitrary<byte[]> files(Arbitrary<byte[]> line) {
        return line.list().ofMinSize(1).ofMaxSize(4).map(lines -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] l : lines) {
                out.writeBytes(l);
                out.write('\n');
            }
            return out.toByteArray();
        });
    }

    static Arbitrary<String> ws() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(40, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(8, Arbitraries.of(" ", "\t", "\r", "  \t ")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("\u000b", "\u000c", "\u0000", "\u00a0")));
    }

    static Arbitrary<String> key() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.of(SH_PENALTY.sourceNames())),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("unknown", "", "x", "penaltyType", "penaltyTypesX", "uscc ",
                        "名称", "𠮷", "a\\\"b", "a\\/b")),
                // escaped names of mapped keys: Jackson maps them
                net.jqwik.api.Tuple.of(1, Arbitraries.of("us\\u0063c", "fine\\u0041mountYuan", "uscc\\u0000")));
    }

    static Arbitrary<String> string() {
        Arbitrary<String> good = Arbitraries.of("abc", "91310117414724N36Y", "中文", "上海市嘉定区市场监督管理局", "𠮷", "é",
                "“抗癌”", "\u007f", "\u00a0", "\uffff", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\b", "\\f", "\\r",
                "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "FINE", "WARNING", " ", "");
        Arbitrary<String> bad = Arbitraries.of("\\u0041", "\\u4e2d", "\\ud83d\\ude00", "\\ud800", "\\udc00", "\\u12",
                "\\x", "\\", "\u0001", "\t", "\u0000", "\u001f");
        Arbitrary<String> piece = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(12, good), net.jqwik.api.Tuple.of(1, bad));
        return piece.list().ofMaxSize(5).map(l -> "\"" + String.join("", l) + "\"");
    }

    static Arbitrary<String> number() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2,
                Arbitraries.of("0", "-0", "16500", "12345.675", "1.5E4", "1e+5", "1E-2", "0.0", "-0.50", "0e0", "9".repeat(99))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(
                        "01", "-01", "00", "1.", ".5", "+1", "1e", "1.5e+", "-", "--1", "1..2", "1e5.5", "NaN",
                        "Infinity", "-Infinity", "0x10", "1_000", "9".repeat(101),
                        "123456789012345678901234567890.5")),
                net.jqwik.api.Tuple.of(2, Arbitraries.bigDecimals().between(new java.math.BigDecimal("-1e12"), new java.math.BigDecimal("1e12"))
                        .ofScale(3).map(java.math.BigDecimal::toPlainString)));
    }

    static Arbitrary<String> literal() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.just("null")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("true", "false", "nul", "nullx", "True", "NULL")));
    }

    static Arbitrary<String> scalar() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, string()),
                net.jqwik.api.Tuple.of(3, number()),
                net.jqwik.api.Tuple.of(2, literal()));
    }

    static Arbitrary<String> value(int depth) {
        if (depth == 0) {
            return scalar();
        }
        Arbitrary<String> array = Combinators.combine(value(depth - 1).list().ofMaxSize(4), ws())
                .as((items, w) -> "[" + w + String.join(w + "," + w, items) + w + "]");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, scalar()),
                net.jqwik.api.Tuple.of(2, array),
                net.jqwik.api.Tuple.of(1, object(depth - 1)));
    }

    /** A top-level member's value: mostly what mapped keys take (strings, numbers, null, arrays of strings). */
    static Arbitrary<String> topValue() {
        Arbitrary<String> codes = Combinators.combine(Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, string()),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("null"))).list().ofMaxSize(3), ws())
                .as((items, w) -> "[" + w + String.join(w + "," + w, items) + w + "]");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, scalar()),
                net.jqwik.api.Tuple.of(2, codes),
                net.jqwik.api.Tuple.of(1, value(2)));
    }

    /** An object of 0-8 members, keys mostly the mapping's, values of any kind, whitespace sometimes. */
    static Arbitrary<String> object(int depth) {
        Arbitrary<String> member = Combinators.combine(key(), ws(), ws(), depth == 2 ? topValue() : value(depth))
                .as((k, w1, w2, v) -> w1 + "\"" + k + "\"" + w2 + ":" + w1 + v + w2);
        return Combinators.combine(member.list().ofMaxSize(7), ws(), ws())
                .as((members, w1, w2) -> w1 + "{" + String.join(",", members) + "}" + w2);
    }

    /** Zero to three byte edits: inserted JSON pieces or raw (often invalid UTF-8) bytes, sometimes cutting a few bytes. */
    static Arbitrary<byte[]> spoil(byte[] base) {
        Arbitrary<byte[]> piece = Arbitraries.of("", "\"", "\\", "\\u", "\\ud800", "\\/", "\\n", "{", "}", "[", "]",
                ",", ":", "1", "-", ".", "e", "0", "null", "true", "中", "𠮷", " ", "\t", "\r", "\u0001",
                "\"uscc\":\"x\",", "\"remark\":null,", "\"penaltyTypes\":[\"FINE\",null],", "\"x\":{\"y\":[]},")
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> raw = Arbitraries.of("00", "80", "bf", "c0af", "c1bf", "c3", "e0809f", "e09f80", "eda080",
                "edbfbf", "ef", "efbbbf", "f08f8080", "f4908080", "f5", "ff", "fe", "e4b8", "f0a0ae", "7f")
                .map(h -> HexFormat.of().parseHex(h));
        Arbitrary<byte[]> edit = Arbitraries.oneOf(piece, raw);
        Arbitrary<List<Integer>> positions = Arbitraries.integers().between(0, base.length).list().ofMaxSize(3);
        return Combinators.combine(edit.list().ofMaxSize(3), positions, Arbitraries.integers().between(0, 4))
                .as((edits, at, cut) -> JsonLinesBytePathProperties.splice(base, edits, at, cut));
    }
}
