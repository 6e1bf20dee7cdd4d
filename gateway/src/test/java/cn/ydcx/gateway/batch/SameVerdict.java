package cn.ydcx.gateway.batch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * The key property of {@link BatchVerifier#verify(byte[])}: for every body, the same verdict,
 * problem and detail as the tree-based verifier on {@code Json.mapper().readTree(body)}.
 */
final class SameVerdict {
    private SameVerdict() {
    }

    /** The old way: parse the whole body, verify the tree. */
    static BatchVerification reference(BatchVerifier v, byte[] body) {
        JsonNode tree = parse(body);
        if (tree == null) {
            try {
                Json.mapper().readTree(body);
                throw new AssertionError("unreachable");
            } catch (IOException | RuntimeException e) {
                String m = e.getMessage() == null ? "" : e.getMessage();
                int nl = m.indexOf('\n');
                return BatchVerification.invalid(BatchProblem.MALFORMED, "body is not JSON: " + (nl < 0 ? m : m.substring(0, nl)));
            }
        }
        return v.verify(tree);
    }

    /** Asserts both byte entry points agree with {@link #reference}; returns the verdict. */
    static BatchVerification check(BatchVerifier v, byte[] body) {
        BatchVerification expected = reference(v, body);
        assertThat(v.verify(body)).as("verify(bytes)").isEqualTo(expected);
        JsonNode tree = parse(body);
        if (tree != null) {
            assertThat(v.verify(body, tree)).as("verify(bytes, tree)").isEqualTo(expected);
        }
        return expected;
    }

    static JsonNode parse(byte[] body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
