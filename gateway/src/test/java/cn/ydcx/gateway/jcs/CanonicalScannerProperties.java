package cn.ydcx.gateway.jcs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.model.Json;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link CanonicalScanner} is sound (whatever it accepts is valid JSON whose JCS is exactly the
 * accepted bytes, and the fields it reports are the members' text) and complete on its safe
 * subset (JCS output of trees with ASCII keys and integers below 10^15 is accepted).
 */
class CanonicalScannerProperties {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectReader STRICT = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String[] FIELDS = {"a", "id", "source", "k"};
    /** Bytes that turn canonical text into something near it: whitespace, escapes, number parts, bad UTF-8. */
    private static final byte[] EDIT_BYTES = {' ', '\n', '\t', '\\', '"', '/', 'u', '0', '1', '9', 'a', 'A', 'e', 'E',
        '.', '-', '+', ',', ':', '{', '}', '[', ']', 0x00, 0x1f, 0x7f, (byte) 0x80, (byte) 0xbf, (byte) 0xc0,
        (byte) 0xc3, (byte) 0xe0, (byte) 0xed, (byte) 0xa0, (byte) 0xf0, (byte) 0xf4, (byte) 0x90, (byte) 0xff};

    @Property(tries = 1500)
    void acceptedBytesAreTheirOwnJcs(@ForAll("texts") byte[] text) throws Exception {
        CanonicalScanner scanner = new CanonicalScanner(FIELDS);
        int end = scanner.scan(text, 0, text.length);
        Statistics.label("accepted").collect(end == text.length ? "whole" : end < 0 ? "no" : "prefix");
        if (end < 0) {
            return;
        }
        byte[] slice = Arrays.copyOf(text, end);
        JsonNode parsed = STRICT.readTree(slice); // throws if the accepted slice is not JSON
        assertThat(new String(Jcs.canonicalize(parsed), StandardCharsets.UTF_8))
                .isEqualTo(new String(slice, StandardCharsets.UTF_8));
        assertThat(Jcs.canonicalize(parsed)).isEqualTo(slice);
        for (int f = 0; f < FIELDS.length; f++) {
            if (scanner.fieldStart(f) >= 0) {
                assertThat(parsed.isObject()).isTrue();
                assertThat(parsed.path(FIELDS[f]).textValue()).isEqualTo(new String(text, scanner.fieldStart(f),
                        scanner.fieldEnd(f) - scanner.fieldStart(f), StandardCharsets.UTF_8));
            } else if (parsed.isObject() && parsed.path(FIELDS[f]).isTextual()) {
                // not reported only when written with an escape
                assertThat(Jcs.canonicalize(parsed.get(FIELDS[f]))).contains((byte) '\\');
            }
        }
    }

    @Property(tries = 800)
    void jcsOfTheSafeSubsetIsAccepted(@ForAll("safeTrees") JsonNode tree) {
        byte[] jcs = Jcs.canonicalize(tree);
        assertThat(new CanonicalScanner(FIELDS).scan(jcs, 0, jcs.length))
                .as(new String(jcs, StandardCharsets.UTF_8)).isEqualTo(jcs.length);
        // and inside a larger buffer, stopping exactly at the value's end
        byte[] padded = new byte[jcs.length + 3];
        System.arraycopy(jcs, 0, padded, 1, jcs.length);
        padded[jcs.length + 1] = ',';
        assertThat(new CanonicalScanner(FIELDS).scan(padded, 1, padded.length)).isEqualTo(jcs.length + 1);
    }

    // ---- generators

    @Provide
    Arbitrary<byte[]> texts() {
        Arbitrary<JsonNode> trees = trees(true);
        Arbitrary<byte[]> jcs = trees.map(Jcs::canonicalize);
        Arbitrary<byte[]> compact = trees.map(t -> write(t, false));
        Arbitrary<byte[]> pretty = trees.map(t -> write(t, true));
        Arbitrary<byte[]> edited = Combinators.combine(jcs, Arbitraries.integers().between(1, 3),
                Arbitraries.longs()).as(CanonicalScannerProperties::edit);
        Arbitrary<byte[]> variants = Combinators.combine(trees, Arbitraries.longs())
                .as((t, seed) -> variant(t, new java.util.Random(seed)));
        return Arbitraries.frequencyOf(Tuple.of(2, jcs), Tuple.of(1, compact), Tuple.of(1, pretty), Tuple.of(4, edited),
                Tuple.of(4, variants));
    }

    @Provide
    Arbitrary<JsonNode> safeTrees() {
        return trees(false);
    }

    /** JSON trees; beyond the scanner's safe subset (non-ASCII keys, fractions, big numbers) when wide. */
    private static Arbitrary<JsonNode> trees(boolean wide) {
        return value(3, wide);
    }

    private static Arbitrary<JsonNode> value(int depth, boolean wide) {
        Arbitrary<JsonNode> ints = Arbitraries.longs().between(-999_999_999_999_999L, 999_999_999_999_999L)
                .edgeCases(c -> c.includeOnly(0L, -1L, 1L, 999_999_999_999_999L)).map(F::numberNode);
        Arbitrary<JsonNode> strings = strings().map(F::textNode);
        Arbitrary<JsonNode> literals = Arbitraries.of(F.booleanNode(true), F.booleanNode(false), F.nullNode());
        Arbitrary<JsonNode> leaf = wide
                ? Arbitraries.frequencyOf(Tuple.of(3, strings), Tuple.of(2, ints), Tuple.of(1, literals),
                        Tuple.of(1, Arbitraries.longs().map(F::numberNode)),
                        Tuple.of(1, Arbitraries.of("1.0", "1e2", "0.5", "-0.0", "1E-7", "123456789012345678", "2.50")
                                .map(s -> (JsonNode) F.numberNode(new BigDecimal(s)))))
                : Arbitraries.frequencyOf(Tuple.of(3, strings), Tuple.of(2, ints), Tuple.of(1, literals));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<JsonNode> child = Arbitraries.lazy(() -> value(depth - 1, wide));
        Arbitrary<String> keys = wide
                ? Arbitraries.frequencyOf(Tuple.of(6, asciiKeys()), Tuple.of(1, strings()))
                : asciiKeys();
        Arbitrary<JsonNode> objects = Combinators.combine(keys.list().ofMaxSize(5), child.list().ofSize(5))
                .as((ks, vs) -> {
                    ObjectNode o = F.objectNode();
                    for (int i = 0; i < ks.size(); i++) {
                        o.set(ks.get(i), vs.get(i));
                    }
                    return o;
                });
        Arbitrary<JsonNode> arrays = child.list().ofMaxSize(4).map(vs -> {
            ArrayNode a = F.arrayNode();
            vs.forEach(a::add);
            return a;
        });
        return Arbitraries.frequencyOf(Tuple.of(2, leaf), Tuple.of(3, objects), Tuple.of(1, arrays));
    }

    private static Arbitrary<String> asciiKeys() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(FIELDS)),
                Tuple.of(2, Arbitraries.strings().withChars("abAB_~ 0").ofMaxLength(3)),
                Tuple.of(1, Arbitraries.strings().ascii().ofMaxLength(6)
                        .filter(s -> s.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\'))));
    }

    /** Strings mixing ASCII, controls, characters JCS escapes, and non-ASCII up to supplementary planes. */
    private static Arbitrary<String> strings() {
        Arbitrary<Integer> cps = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.integers().between(0x20, 0x7f)),
                Tuple.of(1, Arbitraries.just((int) '/')),
                Tuple.of(2, Arbitraries.of((int) '"', (int) '\\', (int) '/', 0x08, 0x09, 0x0a, 0x0c, 0x0d, 0x00, 0x1f)),
                Tuple.of(1, Arbitraries.integers().between(0, 0x1f)),
                Tuple.of(2, Arbitraries.of(0x4e2d, 0xe9, 0x20ac, 0x2028, 0xfeff, 0xffff, 0xe000, 0x7ff, 0x800)),
                Tuple.of(1, Arbitraries.integers().between(0x80, 0xd7ff)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10ffff)));
        return cps.list().ofMaxSize(8).map(l -> {
            StringBuilder sb = new StringBuilder();
            l.forEach(sb::appendCodePoint);
            return sb.toString();
        });
    }

    private static byte[] write(JsonNode t, boolean pretty) {
        try {
            return pretty ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(t)
                    : Json.mapper().writeValueAsBytes(t);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The same JSON value as t, written like JCS except that now and then one kind of choice JCS
     * does not make is taken: another escape (\\/, upper- or lowercase \\u), another number form
     * (1.0, 1e0, -0), whitespace, or members out of order.
     */
    private static byte[] variant(JsonNode t, java.util.Random r) {
        StringBuilder sb = new StringBuilder();
        noisy(t, r, r.nextInt(5), sb);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final int SLASH = 0;
    private static final int UNICODE = 1;
    private static final int NUMBER = 2;
    private static final int SPACE = 3;
    private static final int ORDER = 4;

    private static void noisy(JsonNode t, java.util.Random r, int mode, StringBuilder sb) {
        if (mode == SPACE && r.nextInt(10) == 0) {
            sb.append(' ');
        }
        if (t.isObject()) {
            java.util.List<String> keys = new java.util.ArrayList<>();
            t.fieldNames().forEachRemaining(keys::add);
            java.util.Collections.sort(keys);
            if (mode == ORDER && keys.size() > 1 && r.nextInt(3) == 0) {
                java.util.Collections.swap(keys, 0, 1);
            }
            sb.append('{');
            for (int i = 0; i < keys.size(); i++) {
                sb.append(i > 0 ? "," : "");
                noisyString(keys.get(i), r, mode, sb);
                sb.append(':');
                noisy(t.get(keys.get(i)), r, mode, sb);
            }
            sb.append('}');
        } else if (t.isArray()) {
            sb.append('[');
            for (int i = 0; i < t.size(); i++) {
                sb.append(i > 0 ? "," : "");
                noisy(t.get(i), r, mode, sb);
            }
            sb.append(']');
        } else if (t.isTextual()) {
            noisyString(t.textValue(), r, mode, sb);
        } else if (mode == NUMBER && t.isIntegralNumber() && r.nextInt(3) == 0) {
            long v = t.longValue();
            sb.append(switch (r.nextInt(4)) {
                case 0 -> v + ".0";
                case 1 -> v + "e0";
                case 2 -> v == 0 ? "-0" : v + "E0";
                default -> v + ".00";
            });
        } else {
            sb.append(new String(Jcs.canonicalize(t), StandardCharsets.UTF_8));
        }
    }

    private static void noisyString(String s, java.util.Random r, int mode, StringBuilder sb) {
        if (mode != SLASH && mode != UNICODE) {
            sb.append(new String(Jcs.canonicalize(F.textNode(s)), StandardCharsets.UTF_8));
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean roll = r.nextInt(3) == 0;
            if (mode == SLASH && c == '/' && roll) {
                sb.append("\\/");
            } else if (mode == UNICODE && roll) {
                sb.append(String.format(r.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
            } else if (Character.isSurrogate(c)) {
                sb.append(c); // half of a pair: written raw, the pair stays intact
            } else {
                String one = new String(Jcs.canonicalize(F.textNode(String.valueOf(c))), StandardCharsets.UTF_8);
                sb.append(one, 1, one.length() - 1);
            }
        }
        sb.append('"');
    }

    /** edits random insertions, deletions or replacements of near-JSON bytes. */
    private static byte[] edit(byte[] in, int edits, long seed) {
        java.util.Random r = new java.util.Random(seed);
        byte[] b = in;
        for (int e = 0; e < edits; e++) {
            int at = r.nextInt(b.length + 1);
            byte x = EDIT_BYTES[r.nextInt(EDIT_BYTES.length)];
            switch (r.nextInt(3)) {
                case 0 -> {
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, at);
                    c[at] = x;
                    System.arraycopy(b, at, c, at + 1, b.length - at);
                    b = c;
                }
                case 1 -> {
                    if (at < b.length && b.length > 1) {
                        byte[] c = new byte[b.length - 1];
                        System.arraycopy(b, 0, c, 0, at);
                        System.arraycopy(b, at + 1, c, at, b.length - at - 1);
                        b = c;
                    }
                }
                default -> {
                    if (at < b.length) {
                        b = b.clone();
                        b[at] = x;
                    }
                }
            }
        }
        return b;
    }
}
