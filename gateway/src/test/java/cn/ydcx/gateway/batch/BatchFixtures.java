package cn.ydcx.gateway.batch;

import cn.ydcx.gateway.crypto.NodeCredentials;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.crypto.TrustedRoots;
import cn.ydcx.gateway.jcs.Jcs;
import cn.ydcx.gateway.merkle.MerkleAccumulator;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.model.NodeCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Shared test data: canonical records, the committed sample PKI, re-signing of tampered batches. */
public final class BatchFixtures {
    private BatchFixtures() {
    }

    /** The committed SAMPLE PKI (tests run with the repository root as working directory). */
    public static PkiLayout samplePki() {
        return PkiLayout.at(Path.of("certs-sample"));
    }

    public static TrustedRoots sampleRoots() {
        PkiLayout pki = samplePki();
        return new TrustedRoots(List.of(pki.rootCertificate(Suite.SM2_SM3), pki.rootCertificate(Suite.ES256)));
    }

    /** A canonical penalty-like record with a correct recordId. */
    public static ObjectNode record(NodeCode source, Dataset dataset, String sourceKey) {
        ObjectNode r = Json.mapper().createObjectNode();
        r.put("recordId", RecordIds.of(source.name(), dataset.code(), sourceKey));
        r.put("dataset", dataset.code());
        r.put("source", source.name());
        r.put("sourceKey", sourceKey);
        r.put("op", "UPSERT");
        ObjectNode subject = r.putObject("subject");
        subject.put("name", "杭州示例科技有限公司（样例）");
        subject.put("category", "LEGAL_ENTITY");
        subject.put("uscc", "91330100MA2XXXXX0X");
        ObjectNode data = r.putObject("data");
        data.put("decisionNumber", sourceKey);
        data.put("content", "罚款人民币贰仟元整 \"quoted\" \\ and € 😀");
        data.put("fineAmount", "2000.00");
        data.putArray("penaltyTypes").add("WARNING").add("FINE");
        data.put("decisionDate", "2026-03-01");
        return r;
    }

    public static List<ObjectNode> records(NodeCode source, Dataset dataset, int n) {
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(record(source, dataset, "浙杭罚〔2026〕" + (100 + i) + "号"));
        }
        return out;
    }

    /**
     * Recomputes header.merkleRoot from the records as they now are (with the header's suite)
     * and re-signs the header with {@code creds}: lets a test produce a batch whose only
     * defect is the one it planted.
     */
    public static ObjectNode resign(ObjectNode batch, NodeCredentials creds) {
        ObjectNode header = (ObjectNode) batch.get("header");
        Suite suite = Suite.of(header.get("suite").textValue());
        MerkleAccumulator acc = new MerkleAccumulator(suite);
        for (JsonNode r : batch.get("records")) {
            acc.addLeaf(Jcs.canonicalize(r));
        }
        header.put("merkleRoot", HexFormat.of().formatHex(acc.root()));
        batch.set("signature", new BatchSigner(creds).signatureOf(header));
        return batch;
    }
}
