package cn.ydcx.gateway.batch;

import static cn.ydcx.gateway.batch.BatchFields.DATASET;
import static cn.ydcx.gateway.batch.BatchFields.SOURCE;
import static cn.ydcx.gateway.batch.BatchFields.SUITE;

import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.merkle.MerkleAccumulator;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The record loop of {@link BatchVerifier#verify(byte[])}: each record of a laid-out batch is
 * checked (source, dataset, recordId against the header) and added to the Merkle tree as its
 * leaf; a canonical record is checked on its bytes and hashed where it lies in the body, any
 * other goes through its tree exactly as in {@code verify(JsonNode)}.
 *
 * <p>As a {@link BatchLayout.RecordSink} it takes each record as soon as the layout has scanned
 * it, so a record is scanned, checked and hashed while its bytes are still in the core's cache:
 * one pass over the body instead of a second one after the scan (issue 4; measured on the AVX2
 * VM, docs/BENCHMARKS.md). The first record's problem is kept, not thrown, because the verdict
 * reports the header's problems first; records after it are not looked at. Not thread-safe.
 */
final class LeafFeed implements BatchLayout.RecordSink {
    private String source;
    private String dataset;
    private MerkleAccumulator tree;
    private RawRecordCheck raw;
    /** Index of the next record expected. */
    private int next;
    private BatchVerifier.Refusal problem;

    /**
     * Takes the header's source, dataset and suite; false (nothing started) when one of them is
     * missing or the suite is unknown: the header check words that problem later.
     */
    @Override
    public boolean header(JsonNode header) {
        if (tree != null) {
            throw new IllegalStateException("the feed already has a header");
        }
        if (header == null || !header.isObject()) {
            return false;
        }
        String src = header.path(SOURCE).textValue();
        String ds = header.path(DATASET).textValue();
        String suiteName = header.path(SUITE).textValue();
        if (src == null || ds == null || suiteName == null) {
            return false;
        }
        Suite suite;
        try {
            suite = Suite.of(suiteName);
        } catch (IllegalArgumentException e) {
            return false;
        }
        source = src;
        dataset = ds;
        raw = new RawRecordCheck(src, ds);
        tree = new MerkleAccumulator(suite);
        return true;
    }

    /** Whether {@link #header} has started the feed. */
    boolean started() {
        return tree != null;
    }

    @Override
    public void record(BatchLayout doc, int i) {
        if (i != next) {
            throw new IllegalStateException("record " + i + " fed, record " + next + " expected");
        }
        next++;
        if (problem != null) {
            return;
        }
        if (doc.canonical(i) && raw.passes(doc, i)) {
            // the bytes are the leaf; hashed where they lie (the body does not change during verify)
            tree.addLeafInPlace(doc.body(), doc.start(i), doc.end(i) - doc.start(i));
            return;
        }
        try {
            BatchVerifier.addRecord(i, doc.tree(i), source, dataset, tree); // as verify(JsonNode) does
        } catch (BatchVerifier.Refusal r) {
            problem = r;
        }
    }

    /**
     * The Merkle root over the batch's records, all of them fed in order, or the first record's
     * problem thrown.
     */
    byte[] root(int recordCount) {
        if (problem != null) {
            throw problem;
        }
        if (tree == null || next != recordCount) {
            throw new IllegalStateException(next + " of " + recordCount + " records fed"
                    + (tree == null ? ", without a header" : ""));
        }
        return tree.root();
    }
}
