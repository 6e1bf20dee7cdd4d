package cn.ydcx.gateway.jcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The byte paths of {@link Jcs} (canonicalize, update into a digest, writeTo a stream: direct
 * UTF-8, sort-only-when-needed, buffered flushing) produce exactly the UTF-8 encoding of the
 * reference {@link Jcs#canonicalString}.
 */
class JcsBytesProperties {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Property(tries = 400)
    void bytePathsEqualTheReferenceString(@ForAll("json") JsonNode node) throws Exception {
        byte[] expected = Jcs.canonicalString(node).getBytes(StandardCharsets.UTF_8);
        assertThat(Jcs.canonicalize(node)).isEqualTo(expected);

        MessageDigest streamed = MessageDigest.getInstance("SHA-256");
        streamed.update((byte) 0x00);
        Jcs.update(streamed, node);
        MessageDigest whole = MessageDigest.getInstance("SHA-256");
        whole.update((byte) 0x00);
        whole.update(expected);
        assertThat(streamed.digest()).isEqualTo(whole.digest());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Jcs.writeTo(node, out);
        assertThat(out.toByteArray()).isEqualTo(expected);
    }

    /**
     * Many objects with the same keys, in the same or in shuffled orders, one after another (as
     * the records of a batch): cached key orders are reused only for the exact same sequence.
     */
    @Property(tries = 200)
    void repeatedKeySequencesEqualTheReferenceString(@ForAll("keySets") List<String> keys,
            @ForAll("seeds") List<Long> shuffles) {
        for (long seed : shuffles) {
            List<String> order = new java.util.ArrayList<>(keys);
            java.util.Collections.shuffle(order, new java.util.Random(seed));
            ObjectNode outer = F.objectNode();
            ObjectNode inner = F.objectNode();
            for (int i = 0; i < order.size(); i++) {
                outer.put(order.get(i), seed + i);
                inner.put(keys.get(i), order.get(i));
            }
            outer.set("inner", inner);
            assertThat(Jcs.canonicalize(outer))
                    .isEqualTo(Jcs.canonicalString(outer).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Provide
    Arbitrary<List<String>> keySets() {
        return text().list().uniqueElements().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<Long>> seeds() {
        return Arbitraries.longs().between(0, 3).list().ofMinSize(2).ofMaxSize(12);
    }

    /** Lone surrogates anywhere (keys, values, chunk boundaries) are refused by every path. */
    @Property(tries = 200)
    void loneSurrogatesAreRefusedEverywhere(@ForAll("text") String prefix, @ForAll("surrogate") char lone,
            @ForAll("text") String suffix, @ForAll boolean asKey) throws Exception {
        String bad = prefix + lone + suffix;
        // a high surrogate followed by a low one is a valid pair, not a lone surrogate
        if (Character.isHighSurrogate(lone) && !suffix.isEmpty() && Character.isLowSurrogate(suffix.charAt(0))) {
            return;
        }
        if (Character.isLowSurrogate(lone) && !prefix.isEmpty() && Character.isHighSurrogate(prefix.charAt(prefix.length() - 1))) {
            return;
        }
        ObjectNode o = F.objectNode();
        o.put("a", "x");
        if (asKey) {
            o.put(bad, 1);
        } else {
            o.put("k", bad);
        }
        assertThatThrownBy(() -> Jcs.canonicalString(o)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jcs.canonicalize(o)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jcs.update(MessageDigest.getInstance("SHA-256"), o))
                .isInstanceOf(IllegalArgumentException.class);
        // the thread's writer is usable again afterwards
        assertThat(Jcs.canonicalize(F.objectNode().put("b", 2).put("a", prefix)))
                .isEqualTo(Jcs.canonicalString(F.objectNode().put("b", 2).put("a", prefix)).getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<Character> surrogate() {
        return Arbitraries.chars().range('\ud800', '\udfff');
    }

    @Provide
    Arbitrary<JsonNode> json() {
        return tree(4);
    }

    /** Trees up to {@code depth} levels of nesting. */
    private Arbitrary<JsonNode> tree(int depth) {
        if (depth == 0) {
            return scalar();
        }
        Arbitrary<JsonNode> child = Arbitraries.lazy(() -> tree(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(2, scalar()),
                Tuple.of(1, array(child)),
                Tuple.of(3, object(child)));
    }

    private static Arbitrary<JsonNode> array(Arbitrary<JsonNode> child) {
        return child.list().ofMaxSize(5).map(items -> {
            ArrayNode a = F.arrayNode();
            items.forEach(a::add);
            return a;
        });
    }

    private Arbitrary<JsonNode> object(Arbitrary<JsonNode> child) {
        // members in generation order: usually unsorted keys; sometimes many (beyond the
        // insertion-sort size), then with scalar values only to keep trees small
        Arbitrary<List<Tuple.Tuple2<String, JsonNode>>> members = Arbitraries.frequencyOf(
                Tuple.of(8, Combinators.combine(text(), child).as(Tuple::of).list().ofMaxSize(8)),
                Tuple.of(1, Combinators.combine(text(), scalar()).as(Tuple::of).list().ofMinSize(30).ofMaxSize(60)));
        return members.map(ms -> {
            ObjectNode o = F.objectNode();
            for (Tuple.Tuple2<String, JsonNode> m : ms) {
                o.set(m.get1(), m.get2());
            }
            return (JsonNode) o;
        });
    }

    private Arbitrary<JsonNode> scalar() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, text().map(F::textNode)),
                Tuple.of(1, longText().map(F::textNode)),
                Tuple.of(1, Arbitraries.integers().map(F::numberNode)),
                Tuple.of(1, Arbitraries.longs().map(F::numberNode)),
                Tuple.of(1, Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                        .map(F::numberNode)),
                Tuple.of(1, Arbitraries.doubles().filter(Double::isFinite).map(F::numberNode)),
                Tuple.of(1, Arbitraries.of(true, false).map(F::booleanNode)),
                Tuple.of(1, Arbitraries.just(F.nullNode())));
    }

    /** Code points of every kind: ASCII, escapes and control characters, 2- and 3-byte, non-BMP. */
    private static Arbitrary<String> codePoint() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0x20, 0x7e)),
                Tuple.of(2, Arbitraries.integers().between(0x00, 0x1f)),
                Tuple.of(1, Arbitraries.of((int) '"', (int) '\\', 0x7f, 0x80, 0x7ff, 0x800, 0xffff, 0xfeff)),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0x7ff)),
                Tuple.of(4, Arbitraries.integers().between(0x800, 0xffff)
                        .filter(c -> !Character.isSurrogate((char) c.intValue()))),
                Tuple.of(3, Arbitraries.integers().between(0x10000, 0x10ffff)))
                .map(Character::toString);
    }

    @Provide
    Arbitrary<String> text() {
        return codePoint().list().ofMaxSize(12).map(l -> String.join("", l));
    }

    /** Long enough to cross the writer's string chunks and flush buffer, pairs straddling both. */
    private static Arbitrary<String> longText() {
        return codePoint().list().ofMinSize(900).ofMaxSize(3000).map(l -> String.join("", l));
    }
}
