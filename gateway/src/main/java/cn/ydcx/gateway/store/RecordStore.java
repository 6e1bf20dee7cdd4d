package cn.ydcx.gateway.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Current state of canonical records at this node (own records and those received from peers).
 * Rows are never deleted: a RETRACT marks the row inactive and keeps its last JSON.
 */
@Repository
public class RecordStore {
    private static final String COLUMNS = "record_id, dataset, source, source_key, op, subject_uscc,"
            + " subject_id_number, subject_name, record_json, batch_id, seq, received_at, active";

    private final JdbcTemplate jdbc;

    public RecordStore(DataSource dataSource) {
        this.jdbc = Db.jdbc(dataSource);
    }

    /**
     * Applies one record from batch (source, dataset, seq). Ordering is by seq only: every batch
     * that touches a recordId has the same (source, dataset), so seqs are comparable.
     * Works without a surrounding transaction; inside one it joins it.
     */
    public ApplyOutcome apply(StoredRecord r) {
        Objects.requireNonNull(r.recordId(), "recordId");
        if (!StoredRecord.UPSERT.equals(r.op()) && !StoredRecord.RETRACT.equals(r.op())) {
            throw new IllegalArgumentException("op must be UPSERT or RETRACT, was " + r.op());
        }
        ApplyOutcome done = r.isRetract() ? ApplyOutcome.RETRACTED : ApplyOutcome.APPLIED;
        if (updateIfNewer(r) || insertIfAbsent(r)) {
            return done;
        }
        // The insert lost to a row that exists now (perhaps written concurrently, from a lower
        // seq): decide once more against it. Rows are never deleted, so this is final.
        return updateIfNewer(r) ? done : ApplyOutcome.STALE;
    }

    private boolean updateIfNewer(StoredRecord r) {
        if (r.isRetract()) {
            // keep the last JSON and subject so the withdrawn record can still be shown and traced
            return jdbc.update("UPDATE canonical_record SET op = ?, batch_id = ?, seq = ?, received_at = ?,"
                            + " active = FALSE WHERE record_id = ? AND seq < ?",
                    r.op(), r.batchId(), r.seq(), Db.ts(r.receivedAt()), r.recordId(), r.seq()) == 1;
        }
        return jdbc.update("UPDATE canonical_record SET op = ?, subject_uscc = ?, subject_id_number = ?,"
                        + " subject_name = ?, record_json = ?, batch_id = ?, seq = ?, received_at = ?, active = TRUE"
                        + " WHERE record_id = ? AND seq < ?",
                r.op(), r.subjectUscc(), r.subjectIdNumber(), r.subjectName(), r.recordJson(), r.batchId(),
                r.seq(), Db.ts(r.receivedAt()), r.recordId(), r.seq()) == 1;
    }

    private boolean insertIfAbsent(StoredRecord r) {
        // ON CONFLICT DO NOTHING: PostgreSQL, and H2 in MODE=PostgreSQL (see docs/STORAGE.md)
        return jdbc.update("INSERT INTO canonical_record (" + COLUMNS + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                r.recordId(), r.dataset(), r.source(), r.sourceKey(), r.op(), r.subjectUscc(),
                r.subjectIdNumber(), r.subjectName(), r.recordJson(), r.batchId(), r.seq(),
                Db.ts(r.receivedAt()), !r.isRetract()) == 1;
    }

    /**
     * Active records about a subject, ordered by source, dataset, sourceKey. Give the USCC, the
     * ID number, or both (records matching either are returned).
     */
    public List<StoredRecord> findActiveBySubject(String uscc, String idNumber) {
        if (uscc == null && idNumber == null) {
            throw new IllegalArgumentException("uscc or idNumber is required");
        }
        String order = " ORDER BY source, dataset, source_key";
        String select = "SELECT " + COLUMNS + " FROM canonical_record WHERE active = TRUE AND ";
        if (idNumber == null) {
            return jdbc.query(select + "subject_uscc = ?" + order, RecordStore::map, uscc);
        }
        if (uscc == null) {
            return jdbc.query(select + "subject_id_number = ?" + order, RecordStore::map, idNumber);
        }
        return jdbc.query(select + "(subject_uscc = ? OR subject_id_number = ?)" + order,
                RecordStore::map, uscc, idNumber);
    }

    public Optional<StoredRecord> find(String recordId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM canonical_record WHERE record_id = ?",
                RecordStore::map, recordId).stream().findFirst();
    }

    public long countActive(String source, String dataset) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM canonical_record"
                + " WHERE source = ? AND dataset = ? AND active = TRUE", Long.class, source, dataset);
    }

    public long countActive() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM canonical_record WHERE active = TRUE", Long.class);
    }

    private static StoredRecord map(ResultSet rs, int row) throws SQLException {
        return new StoredRecord(rs.getString("record_id"), rs.getString("dataset"), rs.getString("source"),
                rs.getString("source_key"), rs.getString("op"), rs.getString("subject_uscc"),
                rs.getString("subject_id_number"), rs.getString("subject_name"), rs.getString("record_json"),
                rs.getString("batch_id"), rs.getLong("seq"), Db.instant(rs, "received_at"),
                rs.getBoolean("active"));
    }
}
