package cn.ydcx.gateway.jcs;

import com.fasterxml.jackson.databind.JsonNode;

/** RFC 8785 JSON Canonicalization Scheme over Jackson trees. */
public final class Jcs {
    private Jcs() {
    }

    /** The canonical UTF-8 bytes of {@code node}. */
    public static byte[] canonicalize(JsonNode node) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The canonical form of {@code node} as a Java string. */
    public static String canonicalString(JsonNode node) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
