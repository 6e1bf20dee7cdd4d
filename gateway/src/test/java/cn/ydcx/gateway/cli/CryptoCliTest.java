package cn.ydcx.gateway.cli;

import static cn.ydcx.gateway.batch.BatchFixtures.record;
import static cn.ydcx.gateway.batch.BatchFixtures.records;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.model.NodeCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** sign / verify / pki init through GatewayCli.run, as a user would call them. */
class CryptoCliTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return GatewayCli.run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path jsonl(String name, List<? extends JsonNode> recs) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, recs.stream().map(JsonNode::toString).collect(Collectors.joining("\n", "", "\n")));
        return f;
    }

    @ParameterizedTest
    @ValueSource(strings = {"SM2-SM3", "ES256"})
    void signThenVerify(String suite) throws Exception {
        Path in = jsonl("zj.jsonl", records(NodeCode.ZJ, Dataset.PENALTY, 3));
        Path batch = tmp.resolve("batch.json");
        int code = run("sign", "--node", "ZJ", "--dataset", "penalty", "--seq", "7", "--in", in.toString(),
                "--out", batch.toString(), "--suite", suite, "--batch-id", "cli-1");
        assertThat(code).as(stderr()).isZero();
        JsonNode doc = Json.mapper().readTree(batch.toFile());
        assertThat(doc.at("/header/batchId").textValue()).isEqualTo("cli-1");
        assertThat(doc.at("/header/seq").longValue()).isEqualTo(7);
        assertThat(doc.at("/header/suite").textValue()).isEqualTo(suite);
        assertThat(doc.at("/header/count").intValue()).isEqualTo(3);

        String root = "certs-sample/" + (suite.equals("ES256") ? "es256" : "sm2") + "/root.crt.pem";
        assertThat(run("verify", "--in", batch.toString(), "--trust", root)).as(stdout() + stderr()).isZero();
        assertThat(stdout().strip()).isEqualTo("VALID");

        // the other suite's root does not vouch for it
        String otherRoot = "certs-sample/" + (suite.equals("ES256") ? "sm2" : "es256") + "/root.crt.pem";
        assertThat(run("verify", "--in", batch.toString(), "--trust", otherRoot)).isEqualTo(1);
        assertThat(stdout().strip()).startsWith("INVALID UNTRUSTED_CHAIN: ");
    }

    @Test
    void aTamperedBatchExitsOneNamingTheReason() throws Exception {
        Path in = jsonl("sh.jsonl", records(NodeCode.SH, Dataset.LICENSE, 2));
        Path batch = tmp.resolve("b.json");
        assertThat(run("sign", "--node", "SH", "--dataset", "license", "--seq", "1", "--in", in.toString(),
                "--out", batch.toString())).isZero();
        ObjectNode doc = (ObjectNode) Json.mapper().readTree(batch.toFile());
        assertThat(doc.at("/header/suite").textValue()).isEqualTo("SM2-SM3"); // the default
        ((ObjectNode) doc.at("/records/1/data")).put("content", "changed");
        Files.writeString(batch, doc.toPrettyString());

        assertThat(run("verify", "--in", batch.toString(), "--trust", "certs-sample/sm2/root.crt.pem")).isEqualTo(1);
        assertThat(stdout().lines().toList()).hasSize(1);
        assertThat(stdout()).startsWith("INVALID MERKLE_ROOT_MISMATCH: merkleRoot mismatch: header ");
    }

    @Test
    void notJsonOrDuplicateMembersIsMalformed() throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"header\": ");
        assertThat(run("verify", "--in", bad.toString(), "--trust", "certs-sample/sm2/root.crt.pem")).isEqualTo(1);
        assertThat(stdout()).startsWith("INVALID MALFORMED: not a JSON document");
        Files.writeString(bad, "{\"header\": {}, \"header\": {}}");
        assertThat(run("verify", "--in", bad.toString(), "--trust", "certs-sample/sm2/root.crt.pem")).isEqualTo(1);
        assertThat(stdout()).startsWith("INVALID MALFORMED: ").contains("Duplicate field 'header'");
    }

    @Test
    void signRefusesRecordsOfAnotherNodeOrDataset() throws Exception {
        Path mixed = jsonl("mixed.jsonl", List.of(record(NodeCode.ZJ, Dataset.PENALTY, "a"),
                record(NodeCode.AH, Dataset.PENALTY, "b")));
        Path batch = tmp.resolve("never.json");
        assertThat(run("sign", "--node", "ZJ", "--dataset", "penalty", "--seq", "1", "--in", mixed.toString(),
                "--out", batch.toString())).isEqualTo(1);
        assertThat(stderr()).contains("records[1] has source AH, batch source is ZJ").doesNotContain("Exception");
        assertThat(batch).doesNotExist();

        assertThat(run("sign", "--node", "ZJ", "--dataset", "license", "--seq", "1", "--in", mixed.toString(),
                "--out", batch.toString())).isEqualTo(1);
        assertThat(stderr()).contains("records[0] has dataset penalty, batch dataset is license");
    }

    @Test
    void usageAndIoErrorsExitTwoWithOneLine() throws Exception {
        assertThat(run("sign", "--node", "XX", "--dataset", "penalty", "--seq", "1", "--in", "x", "--out", "y"))
                .isEqualTo(2);
        assertThat(stderr()).contains("unknown node 'XX'");
        assertThat(run("sign", "--node", "ZJ", "--dataset", "penalty", "--seq", "1", "--in",
                tmp.resolve("missing.jsonl").toString(), "--out", "y")).isEqualTo(2);
        assertThat(stderr().strip().lines().count()).isEqualTo(1);
        assertThat(stderr()).contains("missing.jsonl");
        assertThat(run("verify", "--in", tmp.resolve("nope.json").toString(), "--trust", "certs-sample/sm2/root.crt.pem"))
                .isEqualTo(2);
        assertThat(run("verify", "--in", "x.json")).isEqualTo(2); // --trust missing: picocli usage error
        Path notJsonl = tmp.resolve("bad.jsonl");
        Files.writeString(notJsonl, "{\"a\":1}\nnot json\n");
        assertThat(run("sign", "--node", "ZJ", "--dataset", "penalty", "--seq", "1", "--in", notJsonl.toString(),
                "--out", tmp.resolve("o.json").toString())).isEqualTo(1);
        assertThat(stderr()).contains("line 2: not JSON");
    }

    @Test
    void pkiInitGeneratesAUsablePki() throws Exception {
        Path dir = tmp.resolve("pki");
        assertThat(run("pki", "init", "--out", dir.toString())).as(stderr()).isZero();
        assertThat(dir.resolve("sm2/root.crt.pem")).isRegularFile();
        assertThat(dir.resolve("es256/office-AH.key.pem")).isRegularFile();

        // sign with the new PKI; the sample root does not trust it, the new root does
        Path in = jsonl("js.jsonl", records(NodeCode.JS, Dataset.DISHONESTY, 2));
        Path batch = tmp.resolve("js.json");
        assertThat(run("sign", "--node", "JS", "--dataset", "dishonesty", "--seq", "2", "--in", in.toString(),
                "--out", batch.toString(), "--certs", dir.toString(), "--suite", "ES256")).isZero();
        assertThat(run("verify", "--in", batch.toString(), "--trust", dir.resolve("es256/root.crt.pem").toString()))
                .isZero();
        assertThat(run("verify", "--in", batch.toString(), "--trust", "certs-sample/es256/root.crt.pem")).isEqualTo(1);
        assertThat(stdout()).startsWith("INVALID UNTRUSTED_CHAIN");

        assertThat(run("pki")).isEqualTo(2);
    }
}
