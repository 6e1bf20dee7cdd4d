package cn.ydcx.gateway.batch;

import static cn.ydcx.gateway.batch.BatchFields.*;

import cn.ydcx.gateway.crypto.Certs;
import cn.ydcx.gateway.crypto.ChainCheck;
import cn.ydcx.gateway.crypto.Pem;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.crypto.TrustedRoots;
import cn.ydcx.gateway.jcs.Jcs;
import cn.ydcx.gateway.merkle.MerkleAccumulator;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.model.NodeCode;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a received batch document against SPEC §4 and reports the first problem found, in
 * this order: shape (MALFORMED, UNKNOWN_SUITE), COUNT_MISMATCH, per-record source / dataset /
 * recordId, MERKLE_ROOT_MISMATCH, BAD_SIGNATURE, chain (UNTRUSTED_CHAIN, CERT_EXPIRED,
 * CERT_NOT_YET_VALID, REVOKED, at header.createdAt), SIGNER_NOT_SOURCE.
 *
 * <p>Records are hashed exactly as received (JCS of each received JSON value), never via a
 * re-serialised model, so nothing the sender signed can be lost or added in translation.
 * {@link #verify(byte[])} gets the same verdicts from the request bytes, hashing a record's
 * bytes directly when they already are its JCS form (the usual case: senders write JCS).
 */
public final class BatchVerifier {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    private final TrustedRoots roots;

    public BatchVerifier(TrustedRoots roots) {
        this.roots = roots;
    }

    public BatchVerification verify(JsonNode batch) {
        try {
            return doVerify(batch);
        } catch (Refusal r) {
            return BatchVerification.invalid(r.problem, r.getMessage());
        }
    }

    /**
     * Verifies a batch from the request bytes: the same verdict, problem and detail as
     * {@code verify(Json.mapper().readTree(body))} for every body (MALFORMED "body is not JSON"
     * when it does not parse), but records already in canonical form are hashed as received,
     * without a tree or a JCS re-serialisation (issue 4: verifying costs close to hashing the
     * leaves). Anything else (a pretty-printed record, an escape JCS would not write, a number
     * like 1.0) goes through the tree path for that record only; a document of unusual shape
     * is parsed whole and verified as before. See {@link BatchLayout}.
     */
    public BatchVerification verify(byte[] body) {
        LeafFeed feed = new LeafFeed();
        BatchLayout doc = BatchLayout.of(body, null, feed);
        if (doc == null) {
            JsonNode batch;
            try {
                batch = Json.mapper().readTree(body);
            } catch (IOException | RuntimeException e) {
                return BatchVerification.invalid(BatchProblem.MALFORMED, "body is not JSON: " + firstLine(e.getMessage()));
            }
            return verify(batch);
        }
        return verify(doc, feed);
    }

    /**
     * {@link #verify(byte[])}, keeping what a receiver stores: the header, the signature and each
     * record's verified JCS bytes (slices of the body where the sender wrote JCS).
     */
    public VerifiedBatch verifyForStorage(byte[] body) {
        LeafFeed feed = new LeafFeed();
        BatchLayout doc = BatchLayout.of(body, null, feed);
        if (doc != null) {
            return VerifiedBatch.ofLayout(verify(doc, feed), doc);
        }
        JsonNode batch;
        try {
            batch = Json.mapper().readTree(body);
        } catch (IOException | RuntimeException e) {
            return VerifiedBatch.ofTree(BatchVerification.invalid(BatchProblem.MALFORMED,
                    "body is not JSON: " + firstLine(e.getMessage())), null);
        }
        return VerifiedBatch.ofTree(verify(batch), batch);
    }

    /**
     * {@link #verify(byte[])} for a caller that has already parsed the body (a receiver needs
     * the tree to store the records): the same verdict as {@code verify(parsedBody)}, faster,
     * as parsed parts are reused instead of parsed again.
     *
     * @param parsedBody exactly {@code Json.mapper().readTree(body)}; null: as {@link #verify(byte[])}
     */
    public BatchVerification verify(byte[] body, JsonNode parsedBody) {
        if (parsedBody == null) {
            return verify(body);
        }
        LeafFeed feed = new LeafFeed();
        BatchLayout doc = BatchLayout.of(body, parsedBody, feed);
        return doc == null ? verify(parsedBody) : verify(doc, feed);
    }

    private BatchVerification verify(BatchLayout doc, LeafFeed feed) {
        try {
            return doVerify(doc, feed);
        } catch (Refusal r) {
            return BatchVerification.invalid(r.problem, r.getMessage());
        }
    }

    private BatchVerification doVerify(JsonNode batch) {
        if (batch == null || !batch.isObject()) {
            throw new Refusal(BatchProblem.MALFORMED, "batch is not a JSON object");
        }
        JsonNode header = object(batch, HEADER, "batch");
        JsonNode records = batch.get(RECORDS);
        if (records == null || !records.isArray()) {
            throw new Refusal(BatchProblem.MALFORMED, "records is missing or not an array");
        }
        JsonNode signature = object(batch, SIGNATURE, "batch");
        Header h = checkHeader(header, signature, records.size());
        MerkleAccumulator tree = new MerkleAccumulator(h.suite);
        for (int i = 0; i < records.size(); i++) {
            addRecord(i, records.get(i), h.source, h.dataset, tree);
        }
        return checkRootAndSigner(h, tree.root());
    }

    /**
     * The feed has usually taken every record while the layout scanned them (the header came
     * first); its first record problem, if any, is thrown only after the header's checks, so
     * the verdict is the same as checking records after the header.
     */
    private BatchVerification doVerify(BatchLayout doc, LeafFeed feed) {
        // BatchLayout only exists for an object with a header object, records array and signature object
        Header h = checkHeader(doc.header(), doc.signature(), doc.size());
        if (!feed.started()) { // the header came after the records: feed them now
            if (!feed.header(h.header)) {
                throw new IllegalStateException("a checked header was refused by the record feed");
            }
            for (int i = 0; i < doc.size(); i++) {
                feed.record(doc, i);
            }
        }
        return checkRootAndSigner(h, feed.root(doc.size()));
    }

    /** What the header and signature checks established, for the record loop and the final checks. */
    private record Header(JsonNode header, String source, String dataset, Instant createdAt, Suite suite,
                          String merkleRoot, byte[] sigValue, List<X509Certificate> chain) {
    }

    /** Header and signature fields, then COUNT_MISMATCH against the records' number. */
    private static Header checkHeader(JsonNode header, JsonNode signature, int recordCount) {
        text(header, "header", BATCH_ID);
        String source = text(header, "header", SOURCE);
        try {
            NodeCode.of(source);
        } catch (IllegalArgumentException e) {
            throw new Refusal(BatchProblem.MALFORMED, "header.source: " + e.getMessage());
        }
        String dataset = text(header, "header", DATASET);
        try {
            Dataset.of(dataset);
        } catch (IllegalArgumentException e) {
            throw new Refusal(BatchProblem.MALFORMED, "header.dataset: " + e.getMessage());
        }
        nonNegativeLong(header, SEQ);
        Instant createdAt;
        try {
            createdAt = Instant.parse(text(header, "header", CREATED_AT));
        } catch (DateTimeParseException e) {
            throw new Refusal(BatchProblem.MALFORMED, "header.createdAt is not an ISO-8601 UTC instant: "
                    + header.get(CREATED_AT).textValue());
        }
        long count = nonNegativeLong(header, COUNT);
        String suiteName = text(header, "header", SUITE);
        Suite suite;
        try {
            suite = Suite.of(suiteName);
        } catch (IllegalArgumentException e) {
            throw new Refusal(BatchProblem.UNKNOWN_SUITE, e.getMessage());
        }
        String merkleRoot = text(header, "header", MERKLE_ROOT);
        int hashLength = suite.newDigest().getDigestLength();
        if (merkleRoot.length() != 2 * hashLength || !HEX.matcher(merkleRoot).matches()) {
            throw new Refusal(BatchProblem.MALFORMED, "header.merkleRoot is not " + 2 * hashLength
                    + " lowercase hex digits");
        }
        byte[] sigValue = base64(text(signature, "signature", VALUE), "signature.value");
        List<X509Certificate> chain = certificates(signature);

        if (count != recordCount) {
            throw new Refusal(BatchProblem.COUNT_MISMATCH, "header.count is " + count + " but the batch has "
                    + recordCount + " records");
        }
        return new Header(header, source, dataset, createdAt, suite, merkleRoot, sigValue, chain);
    }

    /** Per-record checks, then the record's JCS streamed into the leaf hash. Throws {@link Refusal}. */
    static void addRecord(int i, JsonNode r, String source, String dataset, MerkleAccumulator tree) {
        checkRecord(i, r, source, dataset);
        try {
            tree.addCanonicalLeaf(r); // JCS of the received record, streamed into the leaf hash
        } catch (IllegalArgumentException e) {
            throw new Refusal(BatchProblem.MALFORMED, "records[" + i + "] cannot be canonicalized: " + e.getMessage());
        }
    }

    /** MERKLE_ROOT_MISMATCH, BAD_SIGNATURE, the chain checks and SIGNER_NOT_SOURCE, in that order. */
    private BatchVerification checkRootAndSigner(Header h, byte[] computed) {
        Suite suite = h.suite;
        if (!MessageDigest.isEqual(computed, HexFormat.of().parseHex(h.merkleRoot))) {
            throw new Refusal(BatchProblem.MERKLE_ROOT_MISMATCH, "merkleRoot mismatch: header " + h.merkleRoot
                    + " computed " + HexFormat.of().formatHex(computed));
        }

        X509Certificate signer = h.chain.get(0);
        if (!suite.acceptsKey(signer.getPublicKey())) {
            throw new Refusal(BatchProblem.BAD_SIGNATURE, "signer certificate " + Certs.label(signer)
                    + " does not hold a " + suite.curveName() + " key as suite " + suite + " requires");
        }
        if (!suite.verify(signer.getPublicKey(), Jcs.canonicalize(h.header), h.sigValue)) {
            throw new Refusal(BatchProblem.BAD_SIGNATURE, suite + " signature over JCS(header) does not verify with "
                    + Certs.label(signer) + "'s key");
        }

        ChainCheck chainCheck = roots.check(h.chain, h.createdAt);
        if (!chainCheck.ok()) {
            throw new Refusal(BatchProblem.valueOf(chainCheck.problem().name()), chainCheck.detail());
        }
        String cn = Certs.commonName(signer);
        if (!h.source.equals(cn)) {
            throw new Refusal(BatchProblem.SIGNER_NOT_SOURCE, "signer certificate CN=" + cn
                    + " but header.source is " + h.source);
        }
        return BatchVerification.ok();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static void checkRecord(int i, JsonNode r, String source, String dataset) {
        if (!r.isObject()) {
            throw new Refusal(BatchProblem.MALFORMED, "records[" + i + "] is not a JSON object");
        }
        String src = r.path(SOURCE).textValue();
        if (!source.equals(src)) {
            throw new Refusal(BatchProblem.RECORD_SOURCE_MISMATCH, "records[" + i + "] source is "
                    + quoted(r.get(SOURCE)) + ", header.source is " + source);
        }
        String ds = r.path(DATASET).textValue();
        if (!dataset.equals(ds)) {
            throw new Refusal(BatchProblem.RECORD_DATASET_MISMATCH, "records[" + i + "] dataset is "
                    + quoted(r.get(DATASET)) + ", header.dataset is " + dataset);
        }
        String key = r.path(SOURCE_KEY).textValue();
        String id = r.path(RECORD_ID).textValue();
        if (key == null || id == null) {
            throw new Refusal(BatchProblem.BAD_RECORD_ID, "records[" + i + "] lacks a textual "
                    + (key == null ? SOURCE_KEY : RECORD_ID));
        }
        if (!RecordIds.matches(source, dataset, key, id)) {
            String expected = RecordIds.of(source, dataset, key);
            throw new Refusal(BatchProblem.BAD_RECORD_ID, "records[" + i + "] recordId " + id + " but "
                    + expected + " is derived from its source, dataset and sourceKey");
        }
    }

    private static String quoted(JsonNode n) {
        return n == null ? "absent" : n.toString();
    }

    private static JsonNode object(JsonNode parent, String field, String where) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) {
            throw new Refusal(BatchProblem.MALFORMED, where + "." + field + " is missing or not an object");
        }
        return n;
    }

    private static String text(JsonNode parent, String where, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isTextual() || n.textValue().isEmpty()) {
            throw new Refusal(BatchProblem.MALFORMED, where + "." + field + " is missing or not a non-empty string");
        }
        return n.textValue();
    }

    private static long nonNegativeLong(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0) {
            throw new Refusal(BatchProblem.MALFORMED, "header." + field + " is missing or not a non-negative integer");
        }
        return n.longValue();
    }

    private static byte[] base64(String s, String what) {
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new Refusal(BatchProblem.MALFORMED, what + " is not base64: " + e.getMessage());
        }
    }

    private static List<X509Certificate> certificates(JsonNode signature) {
        JsonNode certs = signature.get(CERTIFICATES);
        if (certs == null || !certs.isArray() || certs.isEmpty()) {
            throw new Refusal(BatchProblem.MALFORMED, "signature.certificates is missing or empty");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (int i = 0; i < certs.size(); i++) {
            JsonNode c = certs.get(i);
            if (!c.isTextual()) {
                throw new Refusal(BatchProblem.MALFORMED, "signature.certificates[" + i + "] is not a string");
            }
            X509Certificate cert;
            try {
                cert = Pem.certificateFromDer(base64(c.textValue(), "signature.certificates[" + i + "]"));
            } catch (IllegalArgumentException e) {
                throw new Refusal(BatchProblem.MALFORMED, "signature.certificates[" + i + "]: " + e.getMessage());
            }
            readable(cert, i);
            chain.add(cert);
        }
        return chain;
    }

    /**
     * BC decodes parts of a certificate lazily and throws (e.g. for a key point off the curve or a
     * garbled name) when the chain check reads them: a sender's bad certificate is refused here,
     * as MALFORMED, instead of escaping as an exception later.
     */
    private static void readable(X509Certificate cert, int i) {
        try {
            cert.getPublicKey();
            cert.getSubjectX500Principal();
            cert.getIssuerX500Principal();
            Certs.commonName(cert); // decodes the CN's string (BC throws on invalid UTF-8 there)
            cert.getBasicConstraints();
            cert.getKeyUsage();
            cert.getNotBefore();
            cert.getNotAfter();
            cert.getEncoded();
        } catch (RuntimeException | java.security.cert.CertificateEncodingException e) {
            throw new Refusal(BatchProblem.MALFORMED, "signature.certificates[" + i + "] cannot be read: "
                    + firstLine(e.getMessage()));
        }
    }

    /** Internal early exit carrying the verdict. */
    static final class Refusal extends RuntimeException {
        final BatchProblem problem;

        Refusal(BatchProblem problem, String detail) {
            super(detail, null, false, false);
            this.problem = problem;
        }
    }
}
