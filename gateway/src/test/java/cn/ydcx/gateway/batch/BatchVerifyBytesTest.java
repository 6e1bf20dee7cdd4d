package cn.ydcx.gateway.batch;

import static cn.ydcx.gateway.batch.BatchFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.model.NodeCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link BatchVerifier#verify(byte[])} against the tree-based verdict, body by body: canonical
 * and non-canonical writings of one batch, tamperings, and documents that are odd or not JSON.
 * Each case also states the verdict it expects, so a case cannot pass by both paths being wrong
 * in the same way unnoticed.
 */
class BatchVerifyBytesTest {
    private static final Instant CREATED = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final BatchVerifier VERIFIER = new BatchVerifier(sampleRoots());
    private static final Map<Suite, ObjectNode> SIGNED = new EnumMap<>(Suite.class);

    static {
        // signed once, before the case factory runs
        for (Suite suite : Suite.values()) {
            List<ObjectNode> recs = new ArrayList<>(records(NodeCode.ZJ, Dataset.PENALTY, 4));
            for (ObjectNode r : recs) {
                ObjectNode data = (ObjectNode) r.get("data");
                data.put("url", "https://example.org/a/b");
                data.put("n", 12);
                data.put("z", 0);
            }
            SIGNED.put(suite, new BatchSigner(samplePki().credentials(suite, "ZJ")).sign("batch-1", NodeCode.ZJ,
                    Dataset.PENALTY, 4, CREATED, recs));
        }
    }

    private static ObjectNode batch(Suite suite) {
        return SIGNED.get(suite).deepCopy();
    }

    private static String wire(JsonNode batch) {
        return new String(BatchWire.toBytes(batch), StandardCharsets.UTF_8);
    }

    private static ObjectNode resigned(ObjectNode batch, Suite suite) {
        return resign(batch, samplePki().credentials(suite, "ZJ"));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String replaceFirst(String s, String what, String with) {
        int i = s.indexOf(what);
        assertThat(i).as("'" + what + "' in the batch").isNotNegative(); // the edit must happen
        return s.substring(0, i) + with + s.substring(i + what.length());
    }

    private static byte[] replaceBytes(byte[] b, byte[] what, byte[] with) {
        String hay = new String(b, StandardCharsets.ISO_8859_1);
        String w = new String(what, StandardCharsets.ISO_8859_1);
        return replaceFirst(hay, w, new String(with, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The batch with its header member moved after the records and the signature. */
    private static ObjectNode lastHeader(ObjectNode batch) {
        JsonNode header = batch.remove("header");
        batch.set("header", header);
        return batch;
    }

    private static ArrayNode recs(ObjectNode batch) {
        return (ArrayNode) batch.get("records");
    }

    private static final String VALID = "valid";
    private static final String NOT_JSON = "not JSON";

    /** name, expected verdict (VALID, NOT_JSON, a BatchProblem name, or null: only the equivalence), body. */
    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Suite suite : Suite.values()) {
            ObjectNode b = batch(suite);
            String w = wire(b);
            Function<Function<ObjectNode, ObjectNode>, String> tree = f -> wire(f.apply(batch(suite)));
            Object[][] cases = {
                {"as sent (records in JCS)", VALID, utf8(w)},
                {"Jackson's member order", VALID, write(b, false)},
                {"pretty-printed", VALID, write(b, true)},
                {"one record per line", VALID, utf8(w.replace("},{\"data\"", "},\n  {\"data\"").replace("\"records\":[", "\"records\": [\n  "))},
                {"whitespace inside one record", VALID, utf8(replaceFirst(w, "{\"data\":", "{ \"data\" :"))},
                {"whitespace inside the second record", VALID, utf8(replaceFirst(w, "},{\"data\":", "},{ \"data\" :"))},
                {"second record changed and not in JCS", "MERKLE_ROOT_MISMATCH", utf8(replaceFirst(w, "},{\"data\":",
                        "},{\"x\":1.0,\"data\":"))},
                {"second record not JSON", NOT_JSON, utf8(replaceFirst(w, "},{\"data\":", "},{\"data\"::"))},
                {"one value changed", "MERKLE_ROOT_MISMATCH", utf8(replaceFirst(w, "FINE", "FINF"))},
                {"one record removed", "COUNT_MISMATCH", utf8(tree.apply(x -> { recs(x).remove(1); return x; }))},
                {"one record removed, re-signed", VALID, utf8(tree.apply(x -> {
                    recs(x).remove(1);
                    ((ObjectNode) x.get("header")).put("count", 3);
                    return resigned(x, suite); }))},
                {"one record added, re-signed", VALID, utf8(tree.apply(x -> {
                    recs(x).add(recs(x).get(0).deepCopy());
                    ((ObjectNode) x.get("header")).put("count", 5);
                    return resigned(x, suite); }))},
                {"records reordered", "MERKLE_ROOT_MISMATCH", utf8(tree.apply(x -> {
                    JsonNode first = recs(x).remove(0);
                    recs(x).add(first);
                    return x; }))},
                {"duplicate key, last one as signed", VALID, utf8(replaceFirst(w, "\"op\":\"UPSERT\"", "\"op\":\"DELETE\",\"op\":\"UPSERT\""))},
                {"duplicate key, last one changed", "MERKLE_ROOT_MISMATCH", utf8(replaceFirst(w, "\"op\":\"UPSERT\"", "\"op\":\"UPSERT\",\"op\":\"DELETE\""))},
                {"\\u escape of a CJK character", VALID, utf8(replaceFirst(w, "杭", "\\u676d"))},
                {"uppercase \\u escape of a control", VALID, utf8(replaceFirst(w, "\\\"quoted", "\\u0022quoted"))},
                {"escaped solidus", VALID, utf8(replaceFirst(w, "https://example.org/a/b", "https:\\/\\/example.org\\/a\\/b"))},
                {"number 12.0", VALID, utf8(replaceFirst(w, "\"n\":12", "\"n\":12.0"))},
                {"number 1.2e1", VALID, utf8(replaceFirst(w, "\"n\":12", "\"n\":1.2e1"))},
                {"number -0", VALID, utf8(replaceFirst(w, "\"z\":0", "\"z\":-0"))},
                {"number 13", "MERKLE_ROOT_MISMATCH", utf8(replaceFirst(w, "\"n\":12", "\"n\":13"))},
                {"leading zero", NOT_JSON, utf8(replaceFirst(w, "\"n\":12", "\"n\":012"))},
                {"invalid UTF-8 byte", NOT_JSON, replaceBytes(utf8(w), utf8("杭"), new byte[] {(byte) 0xff})},
                {"UTF-8 of a surrogate", null, replaceBytes(utf8(w), utf8("杭"), new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})},
                {"overlong UTF-8", null, replaceBytes(utf8(w), utf8("A"), new byte[] {(byte) 0xc1, (byte) 0x81})},
                {"escaped lone surrogate", "MALFORMED", utf8(replaceFirst(w, "杭", "\\ud800"))},
                {"raw control character in a string", NOT_JSON, replaceBytes(utf8(w), utf8("FINE"), new byte[] {'F', 1})},
                {"byte-order mark", null, concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, utf8(w))},
                {"UTF-16", VALID, w.getBytes(StandardCharsets.UTF_16LE)},
                {"surrounding whitespace", VALID, utf8(" \n" + w + "\r\n\t")},
                {"trailing garbage", null, utf8(w + "x")},
                {"trailing second object", null, utf8(w + "{}")},
                {"truncated", NOT_JSON, utf8(w.substring(0, w.length() - 3))},
                {"NUL byte", null, concat(utf8("{\u0000"), utf8(w.substring(1)))},
                {"records twice, the real ones last", VALID, utf8("{\"records\":[]," + w.substring(1))},
                {"records twice, the real ones first", "COUNT_MISMATCH", utf8(w.substring(0, w.length() - 1) + ",\"records\":[]}")},
                {"escaped member name", VALID, utf8(replaceFirst(w, "\"records\":", "\"rec\\u006frds\":"))},
                {"extra top-level member", VALID, utf8("{\"x\":{\"y\":[1,\"]\"]}," + w.substring(1))},
                {"extra top-level member, not JSON", NOT_JSON, utf8("{\"x\":tru," + w.substring(1))},
                {"records is an object", "MALFORMED", utf8(tree.apply(x -> { x.putObject("records"); return x; }))},
                {"no header", "MALFORMED", utf8(tree.apply(x -> { x.remove("header"); return x; }))},
                {"header is an array", "MALFORMED", utf8(tree.apply(x -> { x.putArray("header"); return x; }))},
                {"no signature", "MALFORMED", utf8(tree.apply(x -> { x.remove("signature"); return x; }))},
                {"empty object", "MALFORMED", utf8("{}")},
                {"null", "MALFORMED", utf8("null")},
                {"array", "MALFORMED", utf8("[]")},
                {"empty body", "MALFORMED", new byte[0]},
                {"count too high", "COUNT_MISMATCH", utf8(replaceFirst(w, "\"count\":4", "\"count\":5"))},
                {"unknown suite, a record not JSON", NOT_JSON, utf8(replaceFirst(replaceFirst(w, "\"suite\":\"", "\"suite\":\"X"),
                        "\"op\":\"UPSERT\"", "\"op\":UPSERT\""))},
                {"unknown suite", "UNKNOWN_SUITE", utf8(replaceFirst(w, "\"suite\":\"", "\"suite\":\"X"))},
                {"record is a number", "MALFORMED", utf8(tree.apply(x -> { recs(x).set(2, IntNode.valueOf(5)); return x; }))},
                {"record source differs", "RECORD_SOURCE_MISMATCH", utf8(tree.apply(x -> {
                    ((ObjectNode) recs(x).get(1)).put("source", "AH"); return x; }))},
                {"record source is a number", "RECORD_SOURCE_MISMATCH", utf8(tree.apply(x -> {
                    ((ObjectNode) recs(x).get(1)).put("source", 123); return x; }))},
                {"record dataset differs", "RECORD_DATASET_MISMATCH", utf8(tree.apply(x -> {
                    ((ObjectNode) recs(x).get(3)).put("dataset", "license"); return x; }))},
                // records are checked and hashed while they are laid out when the header comes first
                // (LeafFeed); after the records, once the layout is done. Either way header problems
                // come first, then the first record's problem.
                {"header after the records", VALID, utf8(tree.apply(x -> lastHeader(x)))},
                {"header after the records, record source differs", "RECORD_SOURCE_MISMATCH", utf8(tree.apply(x -> {
                    ((ObjectNode) recs(x).get(1)).put("source", "AH"); return lastHeader(x); }))},
                {"record source differs and count too high", "COUNT_MISMATCH", utf8(tree.apply(x -> {
                    ((ObjectNode) recs(x).get(1)).put("source", "AH");
                    ((ObjectNode) x.get("header")).put("count", 5); return x; }))},
                {"record source differs and header.seq negative", "MALFORMED", utf8(tree.apply(x -> {
                    ((ObjectNode) recs(x).get(1)).put("source", "AH");
                    ((ObjectNode) x.get("header")).put("seq", -1); return x; }))},
                {"header.source not a node code, records alike", "MALFORMED", utf8(tree.apply(x -> {
                    ((ObjectNode) x.get("header")).put("source", "XX");
                    recs(x).forEach(r -> ((ObjectNode) r).put("source", "XX")); return x; }))},
                {"record 3's dataset and record 1's source differ", "RECORD_SOURCE_MISMATCH", utf8(tree.apply(x -> {
                    ((ObjectNode) recs(x).get(3)).put("dataset", "license");
                    ((ObjectNode) recs(x).get(1)).put("source", "AH"); return x; }))},
                {"record 1 not in JCS, record 2's source differs", "RECORD_SOURCE_MISMATCH",
                        utf8(replaceFirst(tree.apply(x -> { ((ObjectNode) recs(x).get(2)).put("source", "AH"); return x; }),
                                "},{\"data\":", "},{ \"data\":"))},
                {"recordId in uppercase", "BAD_RECORD_ID", utf8(tree.apply(x -> {
                    ObjectNode r = (ObjectNode) recs(x).get(0);
                    r.put("recordId", r.get("recordId").textValue().toUpperCase()); return x; }))},
                {"sourceKey missing", "BAD_RECORD_ID", utf8(tree.apply(x -> { ((ObjectNode) recs(x).get(0)).remove("sourceKey"); return x; }))},
                {"sourceKey a number", "BAD_RECORD_ID", utf8(tree.apply(x -> { ((ObjectNode) recs(x).get(0)).put("sourceKey", 7); return x; }))},
                {"sourceKey with a JCS escape, re-signed", VALID, utf8(tree.apply(x -> {
                    ObjectNode r = (ObjectNode) recs(x).get(0);
                    r.put("sourceKey", "a\nb\"c");
                    r.put("recordId", RecordIds.of("ZJ", "penalty", "a\nb\"c"));
                    return resigned(x, suite); }))},
                {"deeply nested value, re-signed", VALID, utf8(tree.apply(x -> {
                    ArrayNode a = ((ObjectNode) recs(x).get(0).get("data")).putArray("deep");
                    for (int i = 0; i < 40; i++) {
                        a = a.addArray();
                    }
                    return resigned(x, suite); }))},
                {"signer key off the curve", "MALFORMED", utf8(tree.apply(x -> {
                    ArrayNode certs = (ArrayNode) x.get("signature").get("certificates");
                    certs.set(0, com.fasterxml.jackson.databind.node.TextNode.valueOf(offCurve(certs.get(0).textValue())));
                    return x; }))},
                {"signer CN not valid UTF-8", "MALFORMED", utf8(tree.apply(x -> {
                    ArrayNode certs = (ArrayNode) x.get("signature").get("certificates");
                    certs.set(0, com.fasterxml.jackson.databind.node.TextNode.valueOf(garbledCn(certs.get(0).textValue())));
                    return x; }))},
                {"big integer, re-signed", VALID, utf8(tree.apply(x -> {
                    ((ObjectNode) recs(x).get(0).get("data")).put("big", new java.math.BigInteger("123456789012345678901234567890"));
                    return resigned(x, suite); }))},
            };
            for (Object[] c : cases) {
                out.add(Arguments.of(suite + ": " + c[0], c[1], c[2]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameVerdictAsTheTreeVerifier(String name, String expected, byte[] body) {
        BatchVerification v = SameVerdict.check(VERIFIER, body);
        if (expected == null) {
            return; // equivalence only: which problem Jackson finds first is its business
        }
        switch (expected) {
            case VALID -> assertThat(v.valid()).as(v.detail()).isTrue();
            case NOT_JSON -> assertThat(v.detail()).startsWith("body is not JSON: ");
            default -> assertThat(v.problem()).as(v.detail()).isEqualTo(BatchProblem.valueOf(expected));
        }
    }

    @Test
    void recordsAsSentAreHashedFromTheirBytes() {
        for (Suite suite : Suite.values()) {
            byte[] body = BatchWire.toBytes(batch(suite));
            BatchLayout layout = BatchLayout.of(body, null);
            assertThat(layout).isNotNull();
            assertThat(layout.size()).isEqualTo(4);
            RawRecordCheck raw = new RawRecordCheck("ZJ", "penalty");
            for (int i = 0; i < layout.size(); i++) {
                assertThat(layout.canonical(i)).isTrue();
                assertThat(raw.passes(layout, i)).isTrue();
                assertThat(new RawRecordCheck("AH", "penalty").passes(layout, i)).isFalse();
                assertThat(new RawRecordCheck("ZJ", "license").passes(layout, i)).isFalse();
            }
        }
    }

    @Test
    void aRecordNotInJcsTakesTheTreePathAlone() throws Exception {
        String w = wire(batch(Suite.SM2_SM3));
        byte[] mixed = utf8(replaceFirst(w, "},{\"data\":", "},{ \"data\":")); // record 1 not canonical
        BatchLayout layout = BatchLayout.of(mixed, null);
        assertThat(layout).isNotNull();
        assertThat(layout.canonical(0)).isTrue();
        assertThat(layout.canonical(1)).isFalse();
        assertThat(layout.canonical(2)).isTrue();
        assertThat(layout.tree(1)).isEqualTo(Json.mapper().readTree(mixed).get("records").get(1));
        assertThat(layout.tree(2)).isEqualTo(Json.mapper().readTree(mixed).get("records").get(2));
        // a body whose first record is not canonical is parsed whole, as before
        assertThat(BatchLayout.of(utf8(replaceFirst(w, "{\"data\":", "{ \"data\":")), null)).isNull();
        assertThat(BatchLayout.of(write(batch(Suite.SM2_SM3), true), null)).isNull();
    }

    @Test
    void bodyAndRecordsAreTheSameJsonAsJacksonWrites() throws Exception {
        ObjectNode b = batch(Suite.ES256);
        assertThat(Json.mapper().readTree(BatchWire.toBytes(b))).isEqualTo(Json.mapper().readTree(write(b, false)));
    }

    /** The base64 DER certificate with the last byte of its public point changed: parses, but the key is off the curve. */
    private static String offCurve(String certB64) {
        byte[] der = java.util.Base64.getDecoder().decode(certB64);
        byte[] spki = cn.ydcx.gateway.crypto.Pem.certificateFromDer(der).getPublicKey().getEncoded();
        byte[] point = java.util.Arrays.copyOfRange(spki, spki.length - 65, spki.length); // 04 || X || Y
        String hay = new String(der, StandardCharsets.ISO_8859_1);
        int at = hay.indexOf(new String(point, StandardCharsets.ISO_8859_1));
        assertThat(at).isNotNegative();
        der[at + 64] ^= 1;
        return java.util.Base64.getEncoder().encodeToString(der);
    }

    /** The base64 DER certificate with its subject CN "ZJ" (a UTF8String) turned into invalid UTF-8. */
    private static String garbledCn(String certB64) {
        byte[] der = java.util.Base64.getDecoder().decode(certB64);
        String hay = new String(der, StandardCharsets.ISO_8859_1);
        int at = hay.lastIndexOf("\u000c\u0002ZJ"); // the subject comes after the issuer
        assertThat(at).isNotNegative();
        der[at + 2] = (byte) 0xC3;
        der[at + 3] = (byte) 0x28;
        return java.util.Base64.getEncoder().encodeToString(der);
    }

    private static byte[] write(JsonNode b, boolean pretty) {
        try {
            return pretty ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(b) : Json.mapper().writeValueAsBytes(b);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
