package cn.ydcx.gateway.exchange;

import cn.ydcx.gateway.jcs.Jcs;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Digests used to recognise batches. */
public final class Hashes {

    private Hashes() {
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Identity of a batch's content: SHA-256 of JCS(header). The header carries the Merkle root
     * of the records, so two verified batches with the same header digest have the same records,
     * however their JSON was formatted on the wire.
     */
    public static String headerDigest(JsonNode header) {
        return sha256Hex(Jcs.canonicalize(header));
    }
}
