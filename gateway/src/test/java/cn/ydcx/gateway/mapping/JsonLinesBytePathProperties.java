package cn.ydcx.gateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.NodeCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * SH lines parsed from their bytes (Utf8Check + Jackson's byte parser) give exactly what the
 * decode-to-chars path gives: same MALFORMED_ROW decisions and the same values, for lines spoilt
 * with invalid UTF-8 (overlong, surrogates, beyond U+10FFFF, truncated), NUL bytes, byte-order
 * marks, escapes and broken JSON.
 */
class JsonLinesBytePathProperties {
    static final Mapping SH_PENALTY = MappingRegistry.load(MappingSource.directory(Path.of("mappings")))
            .get(NodeCode.SH, Dataset.PENALTY);
    static final String LINE = "{\"subjectName\":\"上海锦程金机械制造有限公司\",\"subjectCategory\":\"LEGAL_ENTITY\","
            + "\"uscc\":\"91310117414724N36Y\",\"decisionNumber\":\"沪嘉市监罚〔2023〕36号\",\"violationFacts\":\"当事人"
            + "“抗癌”\\u0041\\n𠮷\",\"penaltyTypes\":[\"SUSPENSION\",\"FINE\"],\"fineAmountYuan\":16500,"
            + "\"confiscatedAmountYuan\":1.5E4,\"remark\":null,\"unknown\":{\"a\":[1,\"é\"]}}";

    /**
     * The one known difference: Jackson's char parser reads a cut-short escape followed by a
     * non-ASCII char ({@code \\u004𠮷}) as if the char's low byte were a hex digit ("K" and a
     * lone surrogate, which JCS later refuses); the byte parser rejects the line, which is what
     * SPEC asks (a line that does not parse is MALFORMED_ROW).
     */
    @Property(tries = 1500)
    void bytePathReadsLikeTheCharPath(@ForAll("files") byte[] file) {
        List<String> bytes = read(file, true);
        List<String> chars = read(file, false);
        assertThat(bytes).hasSameSizeAs(chars);
        for (int i = 0; i < bytes.size(); i++) {
            if (!bytes.get(i).equals(chars.get(i))) {
                assertThat(chars.get(i)).as("char path row").contains(LONE_SURROGATE);
                assertThat(bytes.get(i)).endsWith(" MALFORMED");
            }
        }
    }

    @Example
    void aCutShortEscapeBeforeANonAsciiCharIsMalformed() {
        String line = LINE.replace("\\u0041\\n", "\\u004") + "\n";
        assertThat(read(line.getBytes(StandardCharsets.UTF_8), true)).containsExactly("1 MALFORMED");
        assertThat(read(line.getBytes(StandardCharsets.UTF_8), false).get(0)).contains("K" + LONE_SURROGATE);
    }

    @Property(tries = 3000)
    void utf8CheckAcceptsWhatTheJdkDecoderAccepts(@ForAll("utf8ish") byte[] bytes) {
        boolean jdk;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            jdk = true;
        } catch (CharacterCodingException e) {
            jdk = false;
        }
        int check = Utf8Check.check(bytes, 0, bytes.length);
        assertThat(check != Utf8Check.INVALID).as(java.util.HexFormat.of().formatHex(bytes)).isEqualTo(jdk);
        if (jdk) {
            boolean nul = false;
            for (byte b : bytes) {
                nul |= b == 0;
            }
            assertThat(check == Utf8Check.VALID_WITH_NUL).isEqualTo(nul);
        }
    }

    @Example
    void utf8CheckBoundaries() {
        assertThat(Utf8Check.check(hex("7f"), 0, 1)).isEqualTo(Utf8Check.VALID);
        assertThat(Utf8Check.check(hex("c280"), 0, 2)).isEqualTo(Utf8Check.VALID);
        assertThat(Utf8Check.check(hex("c1bf"), 0, 2)).isEqualTo(Utf8Check.INVALID); // overlong
        assertThat(Utf8Check.check(hex("e09f80"), 0, 3)).isEqualTo(Utf8Check.INVALID); // overlong
        assertThat(Utf8Check.check(hex("eda080"), 0, 3)).isEqualTo(Utf8Check.INVALID); // surrogate
        assertThat(Utf8Check.check(hex("ed9fbf"), 0, 3)).isEqualTo(Utf8Check.VALID);
        assertThat(Utf8Check.check(hex("f08f8080"), 0, 4)).isEqualTo(Utf8Check.INVALID); // overlong
        assertThat(Utf8Check.check(hex("f48fbfbf"), 0, 4)).isEqualTo(Utf8Check.VALID); // U+10FFFF
        assertThat(Utf8Check.check(hex("f4908080"), 0, 4)).isEqualTo(Utf8Check.INVALID);
        assertThat(Utf8Check.check(hex("e4b8"), 0, 2)).isEqualTo(Utf8Check.INVALID); // truncated
        assertThat(Utf8Check.check(hex("41e4b8ad42"), 1, 3)).isEqualTo(Utf8Check.VALID); // range only
        assertThat(Utf8Check.check(hex("410042"), 0, 3)).isEqualTo(Utf8Check.VALID_WITH_NUL);
        // every position of a long ASCII run (read eight bytes at a time)
        for (int at = 0; at < 20; at++) {
            byte[] run = "ABCDEFGHIJKLMNOPQRST".getBytes(StandardCharsets.US_ASCII);
            assertThat(Utf8Check.check(run, 0, run.length)).isEqualTo(Utf8Check.VALID);
            run[at] = 0;
            assertThat(Utf8Check.check(run, 0, run.length)).as("NUL at " + at).isEqualTo(Utf8Check.VALID_WITH_NUL);
            run[at] = (byte) 0x80;
            assertThat(Utf8Check.check(run, 0, run.length)).as("0x80 at " + at).isEqualTo(Utf8Check.INVALID);
            run[at] = 'x';
            assertThat(Utf8Check.check(run, 1, run.length - 2)).isEqualTo(Utf8Check.VALID);
        }
    }

    /**
     * Lines that are UTF-16/32 JSON in disguise (NUL bytes are valid UTF-8): the char path sees
     * NULs and rejects them; Jackson's byte parser would detect another encoding and accept.
     */
    @Example
    void nulBytesDoNotSwitchTheEncoding() {
        for (String hex : List.of("0000007b0000007d", "007b007d", "7b007d00", "7b0000007d000000")) {
            byte[] file = java.util.Arrays.copyOf(hex(hex), hex.length() / 2 + 1);
            file[file.length - 1] = '\n';
            assertThat(read(file, true)).as(hex).containsExactly("1 MALFORMED");
        }
    }

    @Example
    void byteScanFindsEveryPosition() {
        for (int len = 0; len < 20; len++) {
            for (int at = 0; at <= len; at++) {
                byte[] b = "ABCDEFGHIJKLMNOPQRST".substring(0, len).getBytes(StandardCharsets.US_ASCII);
                if (at < len) {
                    b[at] = '\n';
                }
                assertThat(ByteScan.indexOf(b, 0, len, (byte) '\n')).as(len + "/" + at).isEqualTo(at);
                assertThat(ByteScan.indexOf(b, Math.min(at + 1, len), len, (byte) '\n')).isEqualTo(len);
            }
        }
        byte[] high = {(byte) 0x8A, (byte) 0xFF, 0x0B, 0x09, (byte) 0x8A, 0x0A, 0, 0, 0x0A};
        assertThat(ByteScan.indexOf(high, 0, high.length, (byte) '\n')).isEqualTo(5);
    }

    private static byte[] hex(String h) {
        return java.util.HexFormat.of().parseHex(h);
    }

    private static List<String> read(byte[] file, boolean bytePath) {
        List<String> out = new ArrayList<>();
        try (RowReader r = JsonLinesRowReader.open(new ByteArrayInputStream(file), SH_PENALTY, bytePath)) {
            while (r.next()) {
                StringBuilder b = new StringBuilder().append(r.row()).append(r.malformed() ? " MALFORMED" : "");
                if (!r.malformed()) {
                    for (int slot = 0; slot < SH_PENALTY.sourceNames().size(); slot++) {
                        b.append(' ').append(r.value(slot)).append(r.values(slot));
                    }
                }
                out.add(visible(b.toString()));
            }
        } catch (UnreadableFileException e) {
            out.add("FAILED " + e.getMessage());
        }
        return out;
    }

    static final String LONE_SURROGATE = "<lone surrogate>";

    /** Control characters as \\uXXXX and lone surrogates marked, so that a failure message shows them. */
    private static String visible(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                b.append(LONE_SURROGATE);
            } else {
                b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.toString();
    }

    /** One to four lines, each the template line with a few random byte edits. */
    @Provide
    Arbitrary<byte[]> files() {
        return line().list().ofMinSize(1).ofMaxSize(4).map(lines -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] l : lines) {
                out.writeBytes(l);
                out.write('\n');
            }
            return out.toByteArray();
        });
    }

    Arbitrary<byte[]> line() {
        Arbitrary<byte[]> piece = Arbitraries.of("", "\"", "\\", "\\u", "\\ud800", "\\udc00\\ud800", "{", "}", "[", "]",
                ",", ":", "1", "null", "中", "𠮷", " ", "\t", "\r").map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> raw = Arbitraries.of("00", "80", "bf", "c0af", "c1bf", "c3", "e0809f", "e09f80", "eda080",
                "edbfbf", "ef", "efbbbf", "f08f8080", "f4908080", "f5", "ff", "fe", "e4b8", "f0a0ae").map(h -> hex(h));
        Arbitrary<byte[]> edit = Arbitraries.oneOf(piece, raw);
        Arbitrary<List<int[]>> positions = Arbitraries.integers().between(0, LINE.length() * 3)
                .list().ofMaxSize(3).map(l -> l.stream().map(i -> new int[] {i}).toList());
        return Combinators.combine(edit.list().ofMaxSize(3), positions, Arbitraries.integers().between(0, 4))
                .as((edits, at, cut) -> splice(LINE.getBytes(StandardCharsets.UTF_8), edits,
                        at.stream().map(a -> a[0]).toList(), cut));
    }

    /** base with edits[k] inserted at the k-th smallest position of at (capped), cut bytes dropped after the first. */
    static byte[] splice(byte[] base, List<byte[]> edits, List<Integer> at, int cut) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int prev = 0;
        List<Integer> sorted = at.stream().map(a -> Math.min(a, base.length)).sorted().toList();
        for (int k = 0; k < sorted.size(); k++) {
            int p = Math.max(prev, sorted.get(k));
            out.write(base, prev, p - prev);
            if (k < edits.size()) {
                out.writeBytes(edits.get(k));
            }
            prev = Math.min(base.length, p + (k == 0 ? cut : 0)); // sometimes drop a few bytes
        }
        out.write(base, prev, base.length - prev);
        return out.toByteArray();
    }

    @Provide
    Arbitrary<byte[]> utf8ish() {
        Arbitrary<byte[]> unit = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 0x10FFFF).filter(cp -> cp < 0xD800 || cp > 0xDFFF)
                        .map(cp -> new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().map(b -> new byte[] {b}),
                Arbitraries.of("c0", "c1", "e0", "ed", "f0", "f4", "f5", "80", "9f", "a0", "bf", "8f", "90")
                        .map(h -> hex(h)),
                // a lead byte and 0-3 bytes around the continuation range edges
                Combinators.combine(Arbitraries.of("c1", "c2", "df", "e0", "e1", "ec", "ed", "ee", "ef", "f0", "f1",
                        "f3", "f4", "f5"), Arbitraries.of("7f", "80", "8f", "90", "9f", "a0", "bf", "c0")
                        .list().ofMaxSize(3)).as((lead, tail) -> hex(lead + String.join("", tail))));
        return unit.list().ofMaxSize(6).map(l -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            l.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }
}
