package cn.ydcx.gateway.demo;

import cn.ydcx.gateway.auditor.AuditCheck;
import cn.ydcx.gateway.auditor.AuditorClient;
import cn.ydcx.gateway.auditor.LogVerifier;
import cn.ydcx.gateway.client.TlsClient;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.crypto.TrustedRoots;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.node.LocalRegion;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The region demo: five nodes on loopback, Zhejiang's penalty file in at ZJ, verified out at
 * SH, JS, AH and REGION, a query at JS with provenance, and a tampered batch refused. Every
 * step is checked; the demo passes only if every check held.
 */
public final class RegionDemo {

    static final String SUBJECT_USCC = "913304007429141869";
    private static final List<NodeCode> RECEIVERS = List.of(NodeCode.SH, NodeCode.JS, NodeCode.AH, NodeCode.REGION);

    private final PrintStream out;
    private final Path dataRoot;
    private final String certs;
    private final boolean freePorts;
    private final List<Step> steps = new ArrayList<>();

    public RegionDemo(PrintStream out, Path dataRoot, String certs, boolean freePorts) {
        this.out = out;
        this.dataRoot = dataRoot;
        this.certs = certs;
        this.freePorts = freePorts;
    }

    /** Runs the demo; returns the started region (caller closes it) and records every step. */
    public LocalRegion run() throws Exception {
        out.println("== Yangtze Delta credit exchange — region demo ==");
        out.println("starting SH, JS, ZJ, AH and REGION on loopback (state under " + dataRoot + ") …");
        long t0 = System.nanoTime();
        // The demo narrates each step itself; the nodes' own INFO/WARN lines would only interleave.
        LocalRegion region = LocalRegion.start(Arrays.asList(NodeCode.values()), dataRoot, certs, freePorts,
                Map.of("logging.level.cn.ydcx.gateway", "ERROR"));
        for (NodeCode n : NodeCode.values()) {
            out.printf("  %-6s %s%n", n, region.url(n));
        }
        check("five nodes started with mutual TLS", true,
                String.format("%.1f s", (System.nanoTime() - t0) / 1e9));
        PkiLayout pki = PkiLayout.resolve(certs);
        try {
            exchange(region, pki);
        } catch (Exception e) {
            check("demo ran to the end", false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return region;
    }

    private void exchange(LocalRegion region, PkiLayout pki) throws Exception {
        TlsClient zjOffice = new TlsClient(pki, "office-ZJ");
        TlsClient jsOffice = new TlsClient(pki, "office-JS");

        // 1. Zhejiang's office posts its native penalty file to its own node.
        byte[] file = sample("samples/ZJ/penalty.csv");
        out.println();
        out.println("-- 1. ingest samples/ZJ/penalty.csv at ZJ (" + file.length + " bytes, UTF-8 CSV with BOM)");
        TlsClient.Response ingest = zjOffice.post(region.url(NodeCode.ZJ) + "/api/v1/ingest/penalty", file, "text/csv");
        JsonNode result = ingest.json();
        long accepted = result.path("accepted").asLong();
        long rejected = result.path("rejected").asLong();
        out.printf("   accepted %d, rejected %d, batches %d%n", accepted, rejected, result.path("batches").size());
        int shown = 0;
        for (JsonNode r : result.path("rejects")) {
            if (shown++ == 5) {
                out.println("   … " + (rejected - 5) + " more rejects");
                break;
            }
            out.printf("   reject row %d %s: %s%n", r.path("row").asLong(), r.path("sourceKey").asText(""),
                    r.path("reasons"));
        }
        check("ZJ normalised its file", ingest.status() == 200 && accepted >= 150 && rejected > 0,
                accepted + " accepted, " + rejected + " rejected with reasons");
        if (ingest.status() != 200) {
            out.println("   ingest answered HTTP " + ingest.status() + ": " + ingest.body());
            return;
        }
        JsonNode batch = result.path("batches").path(0);
        String batchId = batch.path("batchId").asText();
        out.printf("   signed batch %s seq %d, %d records, Merkle root %s%n", batchId,
                batch.path("seq").asLong(), batch.path("count").asLong(), batch.path("merkleRoot").asText());

        // 2. The batch flows to every peer; each verifies it and answers with a signed receipt.
        out.println();
        out.println("-- 2. push to SH, JS, AH, REGION (each verifies signature, chain, Merkle root)");
        JsonNode deliveries = awaitDeliveries(zjOffice, region.url(NodeCode.ZJ), batchId);
        boolean allDelivered = true;
        for (JsonNode d : deliveries) {
            out.printf("   %-6s %-9s attempts %d%s%n", d.path("peer").asText(), d.path("state").asText(),
                    d.path("attempts").asInt(), d.has("lastError") ? "  last error: " + d.path("lastError").asText() : "");
            allDelivered &= "DELIVERED".equals(d.path("state").asText());
        }
        check("every peer acknowledged with a verified, signed receipt",
                allDelivered && deliveries.size() == RECEIVERS.size(), deliveries.size() + " receipts");
        for (NodeCode n : RECEIVERS) {
            long held = new TlsClient(pki, n.name()).get(region.url(n) + "/api/v1/records/summary")
                    .json().path("ZJ").path("penalty").asLong();
            check(n + " holds every accepted ZJ penalty record", held == accepted, held + " of " + accepted);
        }

        ingestEveryOtherSample(region, pki);

        // 3. Jiangsu's office asks its own node about a Zhejiang company.
        out.println();
        out.println("-- 3. JS office queries subject " + SUBJECT_USCC + " at JS");
        JsonNode answer = jsOffice.get(region.url(NodeCode.JS) + "/api/v1/records?uscc=" + SUBJECT_USCC).json();
        for (JsonNode item : answer.path("records")) {
            JsonNode rec = item.path("record");
            JsonNode prov = item.path("provenance");
            out.printf("   %s %s | %s | fine %s | from %s batch %s seq %d received %s%n",
                    rec.path("dataset").asText(), rec.path("sourceKey").asText(),
                    rec.path("subject").path("name").asText(),
                    rec.path("data").path("fineAmount").asText("-"), prov.path("source").asText(),
                    abbreviate(prov.path("batchId").asText()), prov.path("seq").asLong(),
                    prov.path("receivedAt").asText());
        }
        boolean traced = answer.path("count").asInt() > 0;
        java.util.Set<String> sources = new java.util.TreeSet<>();
        for (JsonNode item : answer.path("records")) {
            JsonNode prov = item.path("provenance");
            sources.add(prov.path("source").asText());
            traced &= prov.path("source").asText().equals(item.path("record").path("source").asText())
                    && !prov.path("batchId").asText().isEmpty();
            if ("ZJ".equals(prov.path("source").asText()) && "penalty".equals(item.path("record").path("dataset").asText())) {
                traced &= batchId.equals(prov.path("batchId").asText());
            }
        }
        check("JS answers with the subject's records from several provinces, with provenance",
                traced && sources.size() >= 2, answer.path("count").asInt() + " records from " + sources);

        // 4. A tampered copy of the batch is refused and nothing of it is stored.
        out.println();
        out.println("-- 4. a tampered copy of the batch (one fine amount changed) is sent to AH");
        String document = zjOffice.get(region.url(NodeCode.ZJ) + "/api/v1/exchange/batches/" + batchId + "/document").body();
        ObjectNode tampered = (ObjectNode) Json.mapper().readTree(document);
        ObjectNode first = (ObjectNode) tampered.path("records").path(0).path("data");
        first.put("fineAmount", "1.00");
        long before = new TlsClient(pki, "AH").get(region.url(NodeCode.AH) + "/api/v1/records/summary")
                .json().path("ZJ").path("penalty").asLong();
        TlsClient.Response refusal = new TlsClient(pki, "ZJ").post(region.url(NodeCode.AH) + "/api/v1/exchange/batches",
                Json.mapper().writeValueAsBytes(tampered), "application/json");
        JsonNode receipt = refusal.json().path("receipt");
        out.printf("   AH answered HTTP %d %s: %s%n", refusal.status(), receipt.path("status").asText(),
                receipt.path("problems").path(0).path("code").asText() + " — "
                        + receipt.path("problems").path(0).path("detail").asText());
        long after = new TlsClient(pki, "AH").get(region.url(NodeCode.AH) + "/api/v1/records/summary")
                .json().path("ZJ").path("penalty").asLong();
        JsonNode refusedLog = new TlsClient(pki, "auditor").get(region.url(NodeCode.AH) + "/api/v1/exchange/refused").json();
        check("AH refused the tampered batch with a reason",
                refusal.status() >= 400 && "REFUSED".equals(receipt.path("status").asText()),
                receipt.path("problems").path(0).path("code").asText());
        check("nothing from it was stored, the refusal is logged",
                before == after && refusedLog.path("count").asLong() >= 1, after + " ZJ records before and after");

        audit(region, pki, batch, document);
    }

    /** 5 and 6: an auditor, trusting only the regional root, checks every log and traces one record. */
    private void audit(LocalRegion region, PkiLayout pki, JsonNode batch, String document) throws Exception {
        out.println();
        out.println("-- 5. the auditor verifies every node's audit log (each entry re-hashed, every signed checkpoint)");
        TlsClient auditor = new TlsClient(pki, "auditor");
        LogVerifier verifier = new LogVerifier(TrustedRoots.of(pki.rootCertificate(Suite.SM2_SM3),
                pki.rootCertificate(Suite.ES256)));
        boolean allValid = true;
        for (NodeCode n : NodeCode.values()) {
            AuditorClient c = new AuditorClient(auditor, region.url(n));
            try {
                LogVerifier.LogReport r = verifier.log(n.name(), c.checkpoint(), c.checkpoints(), c::entries);
                out.printf("   %-6s VALID %3d entries, root %s…%n", n, r.size(), r.rootHash().substring(0, 16));
            } catch (AuditCheck bad) {
                allValid = false;
                out.printf("   %-6s INVALID %s%n", n, bad.getMessage());
            }
        }
        check("every node's audit log verifies against its signed checkpoint", allValid, "5 logs");

        String recordId = Json.mapper().readTree(document).path("records").path(0).path("recordId").asText();
        out.println();
        out.println("-- 6. trace record " + recordId + " through every node's log, checking every proof");
        int steps = 0;
        boolean traced = true;
        for (NodeCode n : NodeCode.values()) {
            try {
                for (LogVerifier.TraceStep st : verifier.trace(n.name(), recordId,
                        new AuditorClient(auditor, region.url(n)).trace(recordId))) {
                    out.printf("   %-6s #%-3d %-15s %s%s%n", n, st.index(), st.type(), st.at(),
                            st.recordInBatch() ? "  record ∈ signed batch ✔  entry ∈ signed log ✔" : "  entry ∈ signed log ✔");
                    steps++;
                }
            } catch (AuditCheck bad) {
                traced = false;
                out.printf("   %-6s INVALID %s%n", n, bad.getMessage());
            }
        }
        check("one record traced from ZJ's log into all four receivers' logs, with proofs", traced && steps >= 5,
                steps + " entries, every proof verified");
    }

    /** 2b: every office ingests the rest of its samples; REGION and every province must hold them all. */
    private void ingestEveryOtherSample(LocalRegion region, PkiLayout pki) throws Exception {
        out.println();
        out.println("-- 2b. every office ingests the rest of its samples (JSONL, GBK XML, CSV, GB18030 text)");
        Map<String, Long> accepted = new java.util.TreeMap<>();
        List<String[]> batches = new ArrayList<>();
        for (NodeCode n : NodeCode.provinces()) {
            TlsClient office = new TlsClient(pki, "office-" + n);
            for (cn.ydcx.gateway.model.Dataset d : cn.ydcx.gateway.model.Dataset.values()) {
                if (n == NodeCode.ZJ && d == cn.ydcx.gateway.model.Dataset.PENALTY) {
                    continue;
                }
                String file = "samples/" + n + "/" + d.code() + "." + EXTENSIONS.get(n);
                JsonNode r = office.post(region.url(n) + "/api/v1/ingest/" + d.code(), sample(file),
                        "application/octet-stream").json();
                out.printf("   %-3s %-10s %-26s accepted %3d  rejected %3d%n", n, d.code(), file,
                        r.path("accepted").asLong(), r.path("rejected").asLong());
                accepted.put(n + "/" + d.code(), r.path("accepted").asLong());
                for (JsonNode b : r.path("batches")) {
                    batches.add(new String[] {n.name(), b.path("batchId").asText()});
                }
            }
        }
        boolean delivered = true;
        for (String[] b : batches) {
            for (JsonNode d : awaitDeliveries(new TlsClient(pki, "office-" + b[0]), region.url(NodeCode.valueOf(b[0])), b[1])) {
                delivered &= "DELIVERED".equals(d.path("state").asText());
            }
        }
        check("15 more files ingested in four native formats, every batch delivered", delivered && batches.size() == 15,
                batches.size() + " batches");
        JsonNode summary = new TlsClient(pki, "auditor").get(region.url(NodeCode.REGION) + "/api/v1/records/summary").json();
        boolean regionHasAll = true;
        for (var e : accepted.entrySet()) {
            String[] k = e.getKey().split("/");
            regionHasAll &= summary.path(k[0]).path(k[1]).asLong() == e.getValue();
        }
        check("REGION holds every accepted record of every province and dataset", regionHasAll,
                accepted.values().stream().mapToLong(Long::longValue).sum() + " records in 15 datasets");
    }

    private static final Map<NodeCode, String> EXTENSIONS = Map.of(NodeCode.SH, "jsonl", NodeCode.JS, "xml",
            NodeCode.ZJ, "csv", NodeCode.AH, "txt");

    private JsonNode awaitDeliveries(TlsClient client, String zjUrl, String batchId) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode deliveries = Json.mapper().createArrayNode();
        while (System.currentTimeMillis() < deadline) {
            deliveries = client.get(zjUrl + "/api/v1/exchange/batches/" + batchId).json().path("deliveries");
            boolean settled = deliveries.size() > 0;
            for (JsonNode d : deliveries) {
                String state = d.path("state").asText();
                settled &= state.equals("DELIVERED") || state.equals("REFUSED");
            }
            if (settled) {
                return deliveries;
            }
            Thread.sleep(200);
        }
        return deliveries;
    }

    private static byte[] sample(String path) throws IOException {
        Path onDisk = Path.of(path);
        if (Files.isRegularFile(onDisk)) {
            return Files.readAllBytes(onDisk);
        }
        try (InputStream in = RegionDemo.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("sample " + path + " is neither in the working directory nor in the jar");
            }
            return in.readAllBytes();
        }
    }

    private void check(String what, boolean held, String detail) {
        steps.add(new Step(what, held, detail));
        out.printf("   [%s] %s (%s)%n", held ? "ok" : "FAILED", what, detail);
    }

    /** Prints the summary table; returns true only if every step held. */
    public boolean summarise() {
        out.println();
        out.println("== summary ==");
        for (Step s : steps) {
            out.printf("  %s  %-72s %s%n", s.held() ? "✔" : "✘", s.what(), s.detail());
        }
        boolean all = !steps.isEmpty() && steps.stream().allMatch(Step::held);
        out.println(all ? "ALL STEPS HELD" : "SOME STEPS FAILED");
        return all;
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    private static String abbreviate(String id) {
        return id.length() <= 24 ? id : id.substring(0, 24) + "…";
    }

    /** One checked step of the demo. */
    public record Step(String what, boolean held, String detail) {
    }
}
