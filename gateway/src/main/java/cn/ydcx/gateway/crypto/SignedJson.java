package cn.ydcx.gateway.crypto;

import cn.ydcx.gateway.jcs.Jcs;
import cn.ydcx.gateway.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Detached signatures over JCS(object) in the batch form {@code {"value", "certificates"}}:
 * used for receipts and checkpoints, so every signed thing in the system is checked the same way.
 */
public final class SignedJson {

    private SignedJson() {
    }

    public static ObjectNode sign(JsonNode payload, NodeCredentials creds) {
        ObjectNode sig = Json.mapper().createObjectNode();
        sig.put("value", Base64.getEncoder().encodeToString(creds.suite().sign(creds.privateKey(),
                Jcs.canonicalize(payload))));
        ArrayNode certs = sig.putArray("certificates");
        try {
            for (X509Certificate c : creds.chain()) {
                certs.add(Base64.getEncoder().encodeToString(c.getEncoded()));
            }
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode certificate of " + creds.name(), e);
        }
        return sig;
    }

    /**
     * Checks the signature, the chain (at {@code at}) and that the signer's CN is
     * {@code expectedSigner}; returns null when all hold, else one line naming the failure.
     */
    public static String verify(JsonNode payload, JsonNode signature, Suite suite, TrustedRoots roots,
                                Instant at, String expectedSigner) {
        List<X509Certificate> chain = new ArrayList<>();
        byte[] value;
        try {
            for (JsonNode c : signature.path("certificates")) {
                chain.add(Pem.certificateFromDer(Base64.getDecoder().decode(c.asText())));
            }
            value = Base64.getDecoder().decode(signature.path("value").asText());
        } catch (RuntimeException e) {
            return "MALFORMED: signature or certificate is not valid base64 DER";
        }
        if (chain.isEmpty()) {
            return "MALFORMED: no signer certificate";
        }
        ChainCheck check = roots.check(chain, at);
        if (!check.ok()) {
            return check.problem() + ": " + check.detail();
        }
        String cn = Certs.commonName(chain.get(0));
        if (expectedSigner != null && !expectedSigner.equals(cn)) {
            return "SIGNER_MISMATCH: signed by " + cn + ", expected " + expectedSigner;
        }
        if (!suite.acceptsKey(chain.get(0).getPublicKey())
                || !suite.verify(chain.get(0).getPublicKey(), Jcs.canonicalize(payload), value)) {
            return "BAD_SIGNATURE: signature does not verify over JCS of the signed object";
        }
        return null;
    }

    /** The suite whose key type the certificate carries (SM2 or P-256), or null. */
    public static Suite suiteOf(X509Certificate cert) {
        for (Suite s : Suite.values()) {
            if (s.acceptsKey(cert.getPublicKey())) {
                return s;
            }
        }
        return null;
    }
}
