package cn.ydcx.gateway.audit;

import cn.ydcx.gateway.crypto.Pem;
import cn.ydcx.gateway.crypto.SignedJson;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.crypto.TrustedRoots;
import cn.ydcx.gateway.peer.PeerClient;
import cn.ydcx.gateway.merkle.MerkleTree;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.node.NodeProperties;
import cn.ydcx.gateway.store.PeerCheckpoint;
import cn.ydcx.gateway.store.PeerCheckpointStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Witnessing: every node fetches every peer's signed audit checkpoint and accepts a newer one only
 * with a consistency proof from the one it already holds (SPEC §5), so a node cannot rewrite its
 * past unnoticed. A checkpoint that is badly signed, shrinks the log, changes the root of a size
 * already seen or fails its consistency proof is not accepted; it is logged as
 * {@code PEER_LOG_INCONSISTENT} in this node's own audit log.
 */
@Component("peerCheckpointSync")
public class PeerCheckpointSync {

    private static final Logger log = LoggerFactory.getLogger(PeerCheckpointSync.class);

    private final PeerClient client;
    private final PeerCheckpointStore store;
    private final TrustedRoots roots;
    private final AuditLog audit;
    private final NodeProperties props;

    public PeerCheckpointSync(PeerClient client, PeerCheckpointStore store, TrustedRoots roots, AuditLog audit,
                              NodeProperties props) {
        this.client = client;
        this.store = store;
        this.roots = roots;
        this.audit = audit;
        this.props = props;
    }

    /** Fetches and checks every peer's checkpoint once; returns the outcome per peer. */
    public List<String> syncAll() {
        List<String> outcomes = new ArrayList<>();
        for (String peer : props.peers().keySet()) {
            try {
                outcomes.add(peer + ": " + sync(peer));
            } catch (Exception e) {
                // unreachable peers are normal (maintenance, network); try again next round
                outcomes.add(peer + ": unreachable (" + e.getClass().getSimpleName() + ")");
            }
        }
        return outcomes;
    }

    /** ACCEPTED, UNCHANGED, or the reason the checkpoint was not accepted. */
    public String sync(String peer) throws Exception {
        JsonNode doc = Json.mapper().readTree(fetch(peer, "/api/v1/audit/checkpoint"));
        JsonNode cp = doc.path("checkpoint");
        String problem = checkSignature(peer, cp, doc.path("signature"));
        if (problem != null) {
            return inconsistent(peer, cp, problem);
        }
        long size = cp.path("size").asLong();
        String root = cp.path("rootHash").asText();
        Optional<PeerCheckpoint> prior = store.latest(peer);
        if (prior.isPresent()) {
            PeerCheckpoint old = prior.get();
            if (size < old.size()) {
                return inconsistent(peer, cp, "log shrank from " + old.size() + " to " + size);
            }
            if (size == old.size()) {
                return old.rootHex().equals(root) ? "UNCHANGED"
                        : inconsistent(peer, cp, "root of size " + size + " changed from " + old.rootHex() + " to " + root);
            }
            if (old.size() > 0) {
                JsonNode proof = Json.mapper().readTree(fetch(peer,
                        "/api/v1/audit/proof/consistency?first=" + old.size() + "&second=" + size));
                List<byte[]> path = new ArrayList<>();
                proof.path("path").forEach(h -> path.add(HexFormat.of().parseHex(h.asText())));
                Suite suite = suiteOf(doc.path("signature"));
                if (!MerkleTree.verifyConsistency(suite, old.size(), size, HexFormat.of().parseHex(old.rootHex()),
                        HexFormat.of().parseHex(root), path)) {
                    return inconsistent(peer, cp, "consistency proof from size " + old.size() + " to " + size
                            + " does not verify: the peer's log was rewritten");
                }
            }
        }
        store.save(peer, size, root, doc.toString());
        return "ACCEPTED size " + size;
    }

    private String checkSignature(String peer, JsonNode cp, JsonNode signature) {
        if (!peer.equals(cp.path("origin").asText())) {
            return "checkpoint origin is '" + cp.path("origin").asText() + "', expected " + peer;
        }
        Suite suite = suiteOf(signature);
        if (suite == null) {
            return "checkpoint signer certificate is missing or of an unknown key type";
        }
        Instant at;
        try {
            at = Instant.parse(cp.path("timestamp").asText());
        } catch (RuntimeException e) {
            return "checkpoint timestamp is not ISO-8601";
        }
        return SignedJson.verify(cp, signature, suite, roots, at, peer);
    }

    private static Suite suiteOf(JsonNode signature) {
        try {
            byte[] der = Base64.getDecoder().decode(signature.path("certificates").path(0).asText());
            return SignedJson.suiteOf(Pem.certificateFromDer(der));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String inconsistent(String peer, JsonNode cp, String problem) {
        ObjectNode entry = audit.entry(AuditEvent.PEER_LOG_INCONSISTENT);
        entry.put("peer", peer).put("problem", problem);
        entry.set("checkpoint", cp);
        audit.append(entry);
        log.error("audit log of {} is not consistent with what this node saw before: {}", peer, problem);
        return "REFUSED " + problem;
    }

    private String fetch(String peer, String path) throws Exception {
        HttpResponse<String> resp = client.get(peer, path).get(props.delivery().timeout().toMillis(), TimeUnit.MILLISECONDS);
        if (resp.statusCode() != 200) {
            throw new IllegalStateException(peer + " answered HTTP " + resp.statusCode() + " for " + path);
        }
        return resp.body();
    }
}
