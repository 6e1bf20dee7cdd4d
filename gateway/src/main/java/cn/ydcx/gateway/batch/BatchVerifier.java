package cn.ydcx.gateway.batch;

import cn.ydcx.gateway.crypto.TrustedRoots;
import com.fasterxml.jackson.databind.JsonNode;

/** Checks a received batch document against SPEC §4. */
public final class BatchVerifier {
    public BatchVerifier(TrustedRoots roots) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public BatchVerification verify(JsonNode batch) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
