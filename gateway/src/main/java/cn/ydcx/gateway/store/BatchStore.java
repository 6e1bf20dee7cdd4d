package cn.ydcx.gateway.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Every batch this node signed (OUT) or received (IN): header, signature and state. Unique:
 * batchId, (source, dataset, seq), and (ingest run, chunk); a second insert of any raises
 * Spring's {@link org.springframework.dao.DuplicateKeyException} on both databases.
 */
@Repository
public class BatchStore {
    private static final String COLUMNS = "batch_row, direction, batch_id, source, dataset, seq, record_count,"
            + " merkle_root, suite, created_at, received_at, header_sha256, header_json, signature_json, state,"
            + " applied_at, delivered_by, ingest_run, chunk_no";

    private final JdbcTemplate jdbc;

    public BatchStore(DataSource dataSource) {
        this.jdbc = Db.jdbc(dataSource);
    }

    /**
     * Stores the batch and returns it with its batchRow.
     *
     * @throws org.springframework.dao.DuplicateKeyException same batchId, seq or chunk already stored
     */
    public BatchRow insert(BatchRow b) {
        if (!BatchRow.OUT.equals(b.direction()) && !BatchRow.IN.equals(b.direction())) {
            throw new IllegalArgumentException("direction must be OUT or IN, was " + b.direction());
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO exchange_batch (direction, batch_id, source,"
                    + " dataset, seq, record_count, merkle_root, suite, created_at, received_at, header_sha256,"
                    + " header_json, signature_json, state, applied_at, delivered_by, ingest_run, chunk_no)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"batch_row"});
            int i = 1;
            ps.setString(i++, b.direction());
            ps.setString(i++, b.batchId());
            ps.setString(i++, b.source());
            ps.setString(i++, b.dataset());
            ps.setLong(i++, b.seq());
            ps.setInt(i++, b.recordCount());
            ps.setString(i++, b.merkleRoot());
            ps.setString(i++, b.suite());
            ps.setObject(i++, Db.ts(b.createdAt()));
            ps.setObject(i++, Db.ts(b.receivedAt()));
            ps.setString(i++, b.headerSha256());
            ps.setString(i++, b.headerJson());
            ps.setString(i++, b.signatureJson());
            ps.setString(i++, b.state().name());
            ps.setObject(i++, Db.ts(b.appliedAt()));
            ps.setString(i++, b.deliveredBy());
            if (b.ingestRun() == null) {
                ps.setNull(i++, Types.BIGINT);
            } else {
                ps.setLong(i++, b.ingestRun());
            }
            if (b.chunkNo() == null) {
                ps.setNull(i, Types.INTEGER);
            } else {
                ps.setInt(i, b.chunkNo());
            }
            return ps;
        }, keys);
        return b.withBatchRow(keys.getKey().longValue());
    }

    public Optional<BatchRow> find(String batchId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM exchange_batch WHERE batch_id = ?", BatchStore::map, batchId)
                .stream().findFirst();
    }

    public Optional<BatchRow> findRow(long batchRow) {
        return jdbc.query("SELECT " + COLUMNS + " FROM exchange_batch WHERE batch_row = ?", BatchStore::map, batchRow)
                .stream().findFirst();
    }

    /** The batch holding seq of (source, dataset), held or applied. */
    public Optional<BatchRow> findBySeq(String source, String dataset, long seq) {
        return jdbc.query("SELECT " + COLUMNS + " FROM exchange_batch WHERE source = ? AND dataset = ? AND seq = ?",
                BatchStore::map, source, dataset, seq).stream().findFirst();
    }

    /** HELD batches of (source, dataset), lowest seq first. */
    public List<BatchRow> held(String source, String dataset) {
        return jdbc.query("SELECT " + COLUMNS + " FROM exchange_batch WHERE state = 'HELD' AND source = ?"
                + " AND dataset = ? ORDER BY seq", BatchStore::map, source, dataset);
    }

    /** Every HELD batch, by source, dataset and seq: what waits for a gap to be filled. */
    public List<BatchRow> allHeld() {
        return jdbc.query("SELECT " + COLUMNS + " FROM exchange_batch WHERE state = 'HELD'"
                + " ORDER BY source, dataset, seq", BatchStore::map);
    }

    /** This node's own batches of (source, dataset) from fromSeq on, in seq order, at most limit. */
    public List<BatchRow> outFrom(String source, String dataset, long fromSeq, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM exchange_batch WHERE direction = 'OUT' AND source = ?"
                + " AND dataset = ? AND seq >= ? ORDER BY seq LIMIT ?", BatchStore::map, source, dataset, fromSeq, limit);
    }

    /** The batch cut from chunk {@code chunkNo} of an ingest run, if it was signed. */
    public Optional<BatchRow> findChunk(long runId, int chunkNo) {
        return jdbc.query("SELECT " + COLUMNS + " FROM exchange_batch WHERE ingest_run = ? AND chunk_no = ?",
                BatchStore::map, runId, chunkNo).stream().findFirst();
    }

    /** Batches of an ingest run, by chunk. */
    public List<BatchRow> ofIngestRun(long runId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM exchange_batch WHERE ingest_run = ? ORDER BY chunk_no",
                BatchStore::map, runId);
    }

    /** Newest first. */
    public List<BatchRow> list(String direction, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM exchange_batch WHERE direction = ?"
                + " ORDER BY batch_row DESC LIMIT ?", BatchStore::map, direction, limit);
    }

    public void markApplied(long batchRow, Instant at) {
        int n = jdbc.update("UPDATE exchange_batch SET state = 'APPLIED', applied_at = ? WHERE batch_row = ?"
                + " AND state = 'HELD'", Db.ts(at), batchRow);
        if (n != 1) {
            throw new IllegalStateException("batch row " + batchRow + " is not HELD");
        }
    }

    private static BatchRow map(ResultSet rs, int row) throws SQLException {
        return new BatchRow(rs.getLong("batch_row"), rs.getString("direction"), rs.getString("batch_id"),
                rs.getString("source"), rs.getString("dataset"), rs.getLong("seq"), rs.getInt("record_count"),
                rs.getString("merkle_root"), rs.getString("suite"), Db.instant(rs, "created_at"),
                Db.instant(rs, "received_at"), rs.getString("header_sha256"), rs.getString("header_json"),
                rs.getString("signature_json"), BatchState.valueOf(rs.getString("state")),
                Db.instant(rs, "applied_at"), rs.getString("delivered_by"), Db.nullableLong(rs, "ingest_run"),
                rs.getObject("chunk_no") == null ? null : rs.getInt("chunk_no"));
    }
}
