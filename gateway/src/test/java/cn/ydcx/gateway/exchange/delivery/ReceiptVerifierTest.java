package cn.ydcx.gateway.exchange.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.batch.BatchFixtures;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.exchange.ReceiptStatus;
import cn.ydcx.gateway.exchange.receive.ReceiptSigner;
import cn.ydcx.gateway.exchange.receive.ReceiptSigner.Problem;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.store.BatchRow;
import cn.ydcx.gateway.store.BatchState;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sender trusts a receipt only if the right peer signed it about exactly the batch sent. */
class ReceiptVerifierTest {

    static final PkiLayout PKI = PkiLayout.resolve("certs-sample");
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    static final BatchRow SENT = new BatchRow(1, "OUT", "ZJ-penalty-7-x", "ZJ", "penalty", 7, 3,
            "ab".repeat(32), "SM2-SM3", NOW, NOW, "00", "{}", "{}", BatchState.APPLIED, NOW, null, null, null);

    final ReceiptVerifier verifier = new ReceiptVerifier(BatchFixtures.sampleRoots());

    static ObjectNode header(String batchId, String root) {
        ObjectNode h = Json.mapper().createObjectNode();
        h.put("batchId", batchId).put("source", "ZJ").put("dataset", "penalty").put("seq", 7).put("merkleRoot", root);
        return h;
    }

    static String receipt(String signer, ObjectNode header, ReceiptStatus status) throws Exception {
        ObjectNode doc = new ReceiptSigner(PKI.credentials(Suite.SM2_SM3, signer)).sign(header, NOW, status,
                status == ReceiptStatus.REFUSED ? List.of(new Problem("BAD_SIGNATURE", "signature does not verify"))
                        : List.of());
        return Json.mapper().writeValueAsString(doc);
    }

    @Test
    void receiptFromThePeerAboutThisBatchIsAccepted() throws Exception {
        ReceiptVerifier.Checked c = verifier.check(receipt("JS", header(SENT.batchId(), SENT.merkleRoot()),
                ReceiptStatus.ACCEPTED), "JS", SENT);
        assertThat(c.valid()).as(c.problem()).isTrue();
        assertThat(c.accepted()).isTrue();
    }

    @Test
    void refusalIsAValidReceiptThatIsNotAnAcceptance() throws Exception {
        ReceiptVerifier.Checked c = verifier.check(receipt("JS", header(SENT.batchId(), SENT.merkleRoot()),
                ReceiptStatus.REFUSED), "JS", SENT);
        assertThat(c.valid()).isTrue();
        assertThat(c.accepted()).isFalse();
        assertThat(c.problem()).contains("BAD_SIGNATURE");
    }

    @Test
    void receiptForAnotherBatchIsRefused() throws Exception {
        ReceiptVerifier.Checked c = verifier.check(receipt("JS", header("ZJ-penalty-8-y", SENT.merkleRoot()),
                ReceiptStatus.ACCEPTED), "JS", SENT);
        assertThat(c.valid()).isFalse();
        assertThat(c.problem()).contains("ZJ-penalty-8-y");
    }

    @Test
    void receiptNamingAnotherMerkleRootIsRefused() throws Exception {
        ReceiptVerifier.Checked c = verifier.check(receipt("JS", header(SENT.batchId(), "cd".repeat(32)),
                ReceiptStatus.ACCEPTED), "JS", SENT);
        assertThat(c.valid()).isFalse();
        assertThat(c.problem()).contains("Merkle root");
    }

    @Test
    void receiptSignedBySomeoneElseThanThePeerIsRefused() throws Exception {
        ReceiptVerifier.Checked c = verifier.check(receipt("AH", header(SENT.batchId(), SENT.merkleRoot()),
                ReceiptStatus.ACCEPTED), "JS", SENT);
        assertThat(c.valid()).isFalse();
        assertThat(c.problem()).contains("AH").contains("JS");
    }

    @Test
    void alteredReceiptIsRefused() throws Exception {
        ObjectNode doc = (ObjectNode) Json.mapper().readTree(receipt("JS", header(SENT.batchId(), SENT.merkleRoot()),
                ReceiptStatus.REFUSED));
        ((ObjectNode) doc.get("receipt")).put("status", "ACCEPTED");
        ((ObjectNode) doc.get("receipt")).remove("problems");
        ReceiptVerifier.Checked c = verifier.check(Json.mapper().writeValueAsString(doc), "JS", SENT);
        assertThat(c.valid()).isFalse();
        assertThat(c.problem()).contains("BAD_SIGNATURE");
    }

    @Test
    void garbageIsNotAReceipt() {
        assertThat(verifier.check("<html>502</html>", "JS", SENT).valid()).isFalse();
        assertThat(verifier.check("{\"receipt\":{}}", "JS", SENT).valid()).isFalse();
    }
}
