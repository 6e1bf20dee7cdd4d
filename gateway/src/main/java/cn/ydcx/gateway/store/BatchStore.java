package cn.ydcx.gateway.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every batch this node sent (OUT) or received (IN), with the whole signed document.
 * Unique per direction: (batchId) and (source, dataset, seq); a second insert of either throws
 * Spring's {@link org.springframework.dao.DuplicateKeyException} on both databases.
 */
@Repository
public class BatchStore {
    private static final String SUMMARY = "batch_id, direction, source, dataset, seq, record_count, merkle_root,"
            + " suite, created_at, received_at, content_sha256, status";

    private final JdbcTemplate jdbc;

    public BatchStore(DataSource dataSource) {
        this.jdbc = Db.jdbc(dataSource);
    }

    /** @throws org.springframework.dao.DuplicateKeyException same batchId or same seq already stored */
    public void insert(BatchRow b) {
        requireDirection(b.direction());
        jdbc.update("INSERT INTO exchange_batch (" + SUMMARY + ", batch_json, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)",
                b.batchId(), b.direction(), b.source(), b.dataset(), b.seq(), b.recordCount(), b.merkleRoot(),
                b.suite(), Db.ts(b.createdAt()), Db.ts(b.receivedAt()), b.contentSha256(), b.status(),
                b.batchJson());
    }

    /** The batch including its JSON document. */
    public Optional<BatchRow> find(String batchId, String direction) {
        return jdbc.query("SELECT " + SUMMARY + ", batch_json FROM exchange_batch"
                        + " WHERE direction = ? AND batch_id = ?",
                (rs, i) -> map(rs, rs.getString("batch_json")), direction, batchId).stream().findFirst();
    }

    /** Highest seq stored for (source, dataset) in that direction, empty if none. */
    public OptionalLong lastSeq(String source, String dataset, String direction) {
        Long max = jdbc.queryForObject("SELECT MAX(seq) FROM exchange_batch"
                + " WHERE direction = ? AND source = ? AND dataset = ?", Long.class, direction, source, dataset);
        return max == null ? OptionalLong.empty() : OptionalLong.of(max);
    }

    public boolean seqSeen(String source, String dataset, long seq, String direction) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM exchange_batch"
                        + " WHERE direction = ? AND source = ? AND dataset = ? AND seq = ?",
                Long.class, direction, source, dataset, seq) > 0;
    }

    /**
     * Newest first (insertion order). The batch JSON is NOT loaded ({@code batchJson} is null):
     * documents can be megabytes each; use {@link #find} for one.
     */
    public List<BatchRow> list(String direction, int limit) {
        return jdbc.query("SELECT " + SUMMARY + " FROM exchange_batch WHERE direction = ?"
                + " ORDER BY row_id DESC LIMIT ?", (rs, i) -> map(rs, null), direction, limit);
    }

    /** @return false when no such batch exists */
    public boolean updateStatus(String batchId, String direction, String status) {
        return jdbc.update("UPDATE exchange_batch SET status = ?, updated_at = CURRENT_TIMESTAMP"
                + " WHERE direction = ? AND batch_id = ?", status, direction, batchId) == 1;
    }

    private static void requireDirection(String direction) {
        if (!BatchRow.OUT.equals(direction) && !BatchRow.IN.equals(direction)) {
            throw new IllegalArgumentException("direction must be OUT or IN, was " + direction);
        }
    }

    private static BatchRow map(ResultSet rs, String json) throws SQLException {
        return new BatchRow(rs.getString("batch_id"), rs.getString("direction"), rs.getString("source"),
                rs.getString("dataset"), rs.getLong("seq"), rs.getInt("record_count"), rs.getString("merkle_root"),
                rs.getString("suite"), Db.instant(rs, "created_at"), Db.instant(rs, "received_at"),
                rs.getString("content_sha256"), json, rs.getString("status"));
    }
}
