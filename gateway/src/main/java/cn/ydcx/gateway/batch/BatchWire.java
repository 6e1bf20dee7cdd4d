package cn.ydcx.gateway.batch;

import static cn.ydcx.gateway.batch.BatchFields.RECORDS;

import cn.ydcx.gateway.jcs.Jcs;
import cn.ydcx.gateway.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a batch document for the wire with every record in its JCS form (RFC 8785: members
 * sorted, no whitespace), the other members as Jackson writes them. The same JSON value as
 * {@code Json.mapper().writeValueAsBytes(batch)}, but a receiver's
 * {@link BatchVerifier#verify(byte[])} can then hash each record's bytes as received instead of
 * re-serialising it. Members keep their order.
 *
 * <p>{@link #writeParts} writes the same document from its stored parts (header and signature as
 * Jackson wrote them, records as JCS bytes), so a node that keeps only those parts serves the
 * exact bytes it sent.
 */
public final class BatchWire {
    private BatchWire() {
    }

    private static final byte[] HEADER_MEMBER = "{\"header\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] RECORDS_MEMBER = ",\"records\":[".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] SIGNATURE_MEMBER = "],\"signature\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * {@code {"header":H,"records":[r0,r1,…],"signature":S}}: what {@link #toBytes} writes for a
     * batch with these parts, given {@code H} and {@code S} as {@code Json.mapper()} writes them.
     */
    public static void writeParts(OutputStream out, byte[] headerJson, Iterable<byte[]> canonicalRecords,
                                  byte[] signatureJson) throws IOException {
        out.write(HEADER_MEMBER);
        out.write(headerJson);
        out.write(RECORDS_MEMBER);
        boolean first = true;
        for (byte[] r : canonicalRecords) {
            if (!first) {
                out.write(',');
            }
            first = false;
            out.write(r);
        }
        out.write(SIGNATURE_MEMBER);
        out.write(signatureJson);
        out.write('}');
    }

    /** UTF-8 bytes of the batch with canonical records; a records member that is not an array is written as is. */
    public static byte[] toBytes(JsonNode batch) {
        if (batch == null || !batch.isObject()) {
            throw new IllegalArgumentException("a batch is a JSON object");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            out.write('{');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = batch.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!first) {
                    out.write(',');
                }
                first = false;
                out.write(Json.mapper().writeValueAsBytes(e.getKey()));
                out.write(':');
                JsonNode v = e.getValue();
                if (RECORDS.equals(e.getKey()) && v.isArray()) {
                    out.write('[');
                    for (int i = 0; i < v.size(); i++) {
                        if (i > 0) {
                            out.write(',');
                        }
                        Jcs.writeTo(v.get(i), out);
                    }
                    out.write(']');
                } else {
                    out.write(Json.mapper().writeValueAsBytes(v));
                }
            }
            out.write('}');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
