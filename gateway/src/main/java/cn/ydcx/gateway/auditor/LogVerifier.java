package cn.ydcx.gateway.auditor;

import cn.ydcx.gateway.crypto.Pem;
import cn.ydcx.gateway.crypto.SignedJson;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.crypto.TrustedRoots;
import cn.ydcx.gateway.jcs.Jcs;
import cn.ydcx.gateway.merkle.MerkleAccumulator;
import cn.ydcx.gateway.merkle.MerkleTree;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The auditor's standalone checks of a node's audit log (SPEC §5), with nothing but the regional
 * root to trust: checkpoint signatures, every entry re-hashed from its JCS bytes into the Merkle
 * tree, every checkpoint's root recomputed, and record traces with their proofs.
 */
public final class LogVerifier {

    /** Where entries come from: a node's {@code /api/v1/audit/entries?from=&to=}. */
    @FunctionalInterface
    public interface EntrySource {
        List<JsonNode> entries(long from, long to) throws Exception;
    }

    public record LogReport(long size, String rootHash, int checkpointsVerified, Suite suite) {
    }

    private final TrustedRoots roots;

    public LogVerifier(TrustedRoots roots) {
        this.roots = roots;
    }

    /** Verifies a checkpoint document signed by {@code node}; returns the suite of its log. */
    public Suite checkpoint(String node, JsonNode doc) {
        JsonNode cp = doc.path("checkpoint");
        JsonNode sig = doc.path("signature");
        if (!node.equals(cp.path("origin").asText())) {
            throw new AuditCheck("checkpoint origin is '" + cp.path("origin").asText() + "', expected " + node);
        }
        Suite suite;
        try {
            suite = SignedJson.suiteOf(Pem.certificateFromDer(Base64.getDecoder()
                    .decode(sig.path("certificates").path(0).asText())));
        } catch (RuntimeException e) {
            throw new AuditCheck("checkpoint of size " + cp.path("size").asLong() + " has no readable signer certificate");
        }
        if (suite == null) {
            throw new AuditCheck("checkpoint signer key is neither SM2 nor P-256");
        }
        String problem = SignedJson.verify(cp, sig, suite, roots, Instant.parse(cp.path("timestamp").asText()), node);
        if (problem != null) {
            throw new AuditCheck("checkpoint of size " + cp.path("size").asLong() + ": " + problem);
        }
        return suite;
    }

    /**
     * Re-hashes every entry up to the latest checkpoint and checks the root of every checkpoint
     * on the way; throws {@link AuditCheck} at the first thing that does not hold.
     */
    public LogReport log(String node, JsonNode latest, List<JsonNode> checkpoints, EntrySource source) throws Exception {
        Suite suite = checkpoint(node, latest);
        Map<Long, String> expected = new TreeMap<>();
        for (JsonNode cp : checkpoints) {
            checkpoint(node, cp);
            expected.put(cp.path("checkpoint").path("size").asLong(), cp.path("checkpoint").path("rootHash").asText());
        }
        long size = latest.path("checkpoint").path("size").asLong();
        expected.put(size, latest.path("checkpoint").path("rootHash").asText());
        MerkleAccumulator acc = new MerkleAccumulator(suite);
        int verified = 0;
        if (expected.containsKey(0L)) {
            verified += checkRoot(acc, 0, expected.get(0L));
        }
        for (long from = 0; from < size; from += 1000) {
            long to = Math.min(size, from + 1000);
            List<JsonNode> page = source.entries(from, to);
            if (page.size() != to - from) {
                throw new AuditCheck("asked for entries " + from + ".." + (to - 1) + ", got " + page.size());
            }
            for (JsonNode entry : page) {
                acc.addLeaf(Jcs.canonicalize(entry));
                String root = expected.get(acc.size());
                if (root != null) {
                    verified += checkRoot(acc, acc.size(), root);
                }
            }
        }
        return new LogReport(size, expected.get(size), verified, suite);
    }

    private static int checkRoot(MerkleAccumulator acc, long size, String expectedRoot) {
        String actual = HexFormat.of().formatHex(acc.root());
        if (!actual.equals(expectedRoot)) {
            throw new AuditCheck("entries 0.." + (size - 1) + " hash to " + actual + " but the signed checkpoint of size "
                    + size + " says " + expectedRoot);
        }
        return 1;
    }

    /** One verified line of a record's trace at one node. */
    public record TraceStep(long index, String type, String at, String batchId, boolean recordInBatch) {
    }

    /** Verifies a node's {@code /api/v1/audit/trace/{recordId}} answer; returns its steps. */
    public List<TraceStep> trace(String node, String recordId, JsonNode trace) {
        JsonNode cpDoc = trace.path("checkpoint");
        Suite suite = checkpoint(node, cpDoc);
        long treeSize = cpDoc.path("checkpoint").path("size").asLong();
        byte[] root = HexFormat.of().parseHex(cpDoc.path("checkpoint").path("rootHash").asText());
        List<TraceStep> steps = new ArrayList<>();
        for (JsonNode item : trace.path("entries")) {
            long index = item.path("index").asLong();
            JsonNode inclusion = item.path("inclusion");
            if (inclusion.path("treeSize").asLong() != treeSize || inclusion.path("leafIndex").asLong() != index) {
                throw new AuditCheck(node + " entry " + index + ": proof is not for this entry at checkpoint size " + treeSize);
            }
            byte[] leaf = MerkleTree.leafHash(suite, Jcs.canonicalize(item.path("entry")));
            if (!MerkleTree.verifyInclusion(suite, leaf, index, treeSize, hexList(inclusion.path("path")), root)) {
                throw new AuditCheck(node + " entry " + index + ": inclusion proof does not verify against the signed checkpoint");
            }
            boolean inBatch = false;
            JsonNode rb = item.path("recordInBatch");
            if (rb.isObject()) {
                if (!recordId.equals(rb.path("record").path("recordId").asText())) {
                    throw new AuditCheck(node + " entry " + index + ": batch proof is for another record");
                }
                if (!rb.path("merkleRoot").asText().equals(item.path("entry").path("merkleRoot").asText())) {
                    throw new AuditCheck(node + " entry " + index + ": batch proof names another Merkle root than the entry");
                }
                Suite bs = Suite.of(rb.path("suite").asText());
                JsonNode header = rb.path("header");
                if (!rb.path("merkleRoot").asText().equals(header.path("merkleRoot").asText())) {
                    throw new AuditCheck(node + " entry " + index + ": batch header names another Merkle root");
                }
                String signed = SignedJson.verify(header, rb.path("signature"), bs, roots,
                        Instant.parse(header.path("createdAt").asText()), header.path("source").asText());
                if (signed != null) {
                    throw new AuditCheck(node + " entry " + index + ": batch header signature: " + signed);
                }
                byte[] recordLeaf = MerkleTree.leafHash(bs, Jcs.canonicalize(rb.path("record")));
                if (!MerkleTree.verifyInclusion(bs, recordLeaf, rb.path("leafIndex").asLong(), rb.path("batchSize").asLong(),
                        hexList(rb.path("path")), HexFormat.of().parseHex(rb.path("merkleRoot").asText()))) {
                    throw new AuditCheck(node + " entry " + index + ": record is not in batch " + rb.path("batchId").asText());
                }
                inBatch = true;
            }
            steps.add(new TraceStep(index, item.path("entry").path("type").asText(), item.path("entry").path("at").asText(),
                    item.path("entry").path("batchId").asText(null), inBatch));
        }
        return steps;
    }

    private static List<byte[]> hexList(JsonNode arr) {
        List<byte[]> out = new ArrayList<>();
        arr.forEach(h -> out.add(HexFormat.of().parseHex(h.asText())));
        return out;
    }
}
