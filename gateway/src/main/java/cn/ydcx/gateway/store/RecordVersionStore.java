package cn.ydcx.gateway.store;

import cn.ydcx.gateway.model.RecordKeys;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every version of every record held here (the history), each the JCS bytes of a record in the
 * leaf order of its batch. The current view is the versions marked current: for each record,
 * the one of the highest applied seq. Batches of one (source, dataset) are applied strictly in
 * seq order (exchange.receive), so the version being applied is always the newest and
 * superseding is unconditional. Rows are never deleted.
 */
@Repository
public class RecordVersionStore {
    private static final String VERSION = "v.record_id, v.source, v.dataset, v.seq, v.op, v.subject_key,"
            + " v.record_jcs, v.is_current, v.leaf_index, b.batch_id, b.received_at";
    private static final String FROM = " FROM record_version v JOIN exchange_batch b ON b.batch_row = v.batch_row";
    private static final String CURRENT_ORDER = " ORDER BY v.source, v.dataset, v.record_id";

    private final JdbcTemplate jdbc;

    public RecordVersionStore(DataSource dataSource) {
        this.jdbc = Db.jdbc(dataSource);
    }

    /** Stores the records of batch {@code batchRow} (leaf i = versions[i]) with one JDBC batch. */
    public void insert(long batchRow, String source, String dataset, long seq, List<NewVersion> versions,
                       boolean current) {
        jdbc.batchUpdate("INSERT INTO record_version (batch_row, leaf_index, record_id, record_key, source, dataset,"
                + " seq, op, subject_key, subject_hash, record_jcs, is_current)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        NewVersion v = versions.get(i);
                        ps.setLong(1, batchRow);
                        ps.setInt(2, i);
                        ps.setString(3, v.recordId());
                        ps.setLong(4, Keys.recordKey(v.recordId()));
                        ps.setString(5, source);
                        ps.setString(6, dataset);
                        ps.setLong(7, seq);
                        ps.setString(8, v.op());
                        ps.setString(9, v.subjectKey());
                        Long subject = Keys.subjectHash(v.subjectKey());
                        if (subject == null) {
                            ps.setNull(10, java.sql.Types.BIGINT);
                        } else {
                            ps.setLong(10, subject);
                        }
                        ps.setBytes(11, v.jcs());
                        ps.setBoolean(12, current);
                    }

                    @Override
                    public int getBatchSize() {
                        return versions.size();
                    }
                });
    }

    /**
     * Makes batch {@code batchRow}'s versions the current ones: the versions they replace stop
     * being current. Returns the change in UPSERTs of the current view (+1 a new record, -1 an
     * UPSERT replaced by a RETRACT, 0 a changed record).
     *
     * <p>The versions replaced are found with one indexed lookup per record (by record_key, then
     * the recordId), in statements of {@value #LOOKUP_CHUNK} keys.
     */
    public long makeCurrent(long batchRow) {
        List<String[]> batch = jdbc.query("SELECT record_id, op FROM record_version WHERE batch_row = ?"
                + " ORDER BY leaf_index", (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, batchRow);
        java.util.Map<Long, String> ids = new java.util.HashMap<>(batch.size() * 2);
        long upserts = 0;
        for (String[] r : batch) {
            ids.put(Keys.recordKey(r[0]), r[0]);
            if ("UPSERT".equals(r[1])) {
                upserts++;
            }
        }
        List<Object[]> replaced = new java.util.ArrayList<>();
        long replacedUpserts = 0;
        List<Long> keys = new java.util.ArrayList<>(ids.keySet());
        for (int from = 0; from < keys.size(); from += LOOKUP_CHUNK) {
            List<Long> chunk = keys.subList(from, Math.min(keys.size(), from + LOOKUP_CHUNK));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            Object[] args = new Object[chunk.size() + 1];
            args[0] = batchRow;
            for (int i = 0; i < chunk.size(); i++) {
                args[i + 1] = chunk.get(i);
            }
            for (Object[] old : jdbc.query("SELECT batch_row, leaf_index, record_id, record_key, op FROM record_version"
                    + " WHERE is_current = TRUE AND batch_row <> ? AND record_key IN (" + marks + ")",
                    (rs, i) -> new Object[] {rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getString(5)},
                    args)) {
                if (old[2].equals(ids.get((Long) old[3]))) {
                    replaced.add(new Object[] {old[0], old[1]});
                    if ("UPSERT".equals(old[4])) {
                        replacedUpserts++;
                    }
                }
            }
        }
        if (!replaced.isEmpty()) {
            jdbc.batchUpdate("UPDATE record_version SET is_current = FALSE WHERE batch_row = ? AND leaf_index = ?",
                    replaced);
        }
        jdbc.update("UPDATE record_version SET is_current = TRUE WHERE batch_row = ? AND is_current = FALSE", batchRow);
        return upserts - replacedUpserts;
    }

    private static final int LOOKUP_CHUNK = 500;

    /** The JCS bytes of batch {@code batchRow}'s records in leaf order, streamed from the database. */
    public void forEachRecord(long batchRow, Consumer<byte[]> each) {
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "SELECT record_jcs FROM record_version WHERE batch_row = ? ORDER BY leaf_index");
            ps.setLong(1, batchRow);
            ps.setFetchSize(500);
            return ps;
        }, rs -> {
            each.accept(rs.getBytes(1));
        });
    }

    /** Current versions about a subject key (SPEC §9), by source, dataset, recordId. */
    public List<StoredVersion> currentBySubjectKey(String subjectKey) {
        return jdbc.query("SELECT " + VERSION + FROM + " WHERE v.subject_hash = ? AND v.subject_key = ?"
                + " AND v.is_current = TRUE" + CURRENT_ORDER, RecordVersionStore::map,
                Keys.subjectHash(subjectKey), subjectKey);
    }

    /** Current versions of subjects with this ID number, whatever its ID type. */
    public List<StoredVersion> currentByIdNumber(String idNumber) {
        return jdbc.query("SELECT " + VERSION + FROM + " WHERE v.subject_hash = ? AND v.subject_key >= ?"
                + " AND v.subject_key < ? AND v.is_current = TRUE" + CURRENT_ORDER, RecordVersionStore::map,
                Keys.subjectHash(idNumber), RecordKeys.idNumberRangeStart(idNumber), RecordKeys.idNumberRangeEnd(idNumber));
    }

    /** Every version of a record held here, oldest (lowest seq) first, held ones included. */
    public List<StoredVersion> history(String recordId) {
        return jdbc.query("SELECT " + VERSION + FROM + " WHERE v.record_key = ? AND v.record_id = ?"
                + " ORDER BY v.seq, v.leaf_index", RecordVersionStore::map, Keys.recordKey(recordId), recordId);
    }

    /** Batch ids of every batch that carried this record here. */
    public List<String> batchIdsOf(String recordId) {
        return jdbc.queryForList("SELECT b.batch_id" + FROM + " WHERE v.record_key = ? AND v.record_id = ?"
                + " ORDER BY v.seq", String.class, Keys.recordKey(recordId), recordId);
    }

    /**
     * Every current version of (source, dataset) in recordId order, streamed: what a convergence
     * check or a reconciliation digests.
     */
    public void forEachCurrent(String source, String dataset, Consumer<StoredVersion> each) {
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("SELECT " + VERSION + FROM + " WHERE v.source = ?"
                    + " AND v.dataset = ? AND v.is_current = TRUE ORDER BY v.record_id");
            ps.setString(1, source);
            ps.setString(2, dataset);
            ps.setFetchSize(1000);
            return ps;
        }, rs -> {
            each.accept(map(rs, 0));
        });
    }

    private static StoredVersion map(ResultSet rs, int row) throws SQLException {
        return new StoredVersion(rs.getString("record_id"), rs.getString("source"), rs.getString("dataset"),
                rs.getLong("seq"), rs.getString("op"), rs.getString("subject_key"), rs.getBytes("record_jcs"),
                rs.getBoolean("is_current"), rs.getString("batch_id"), rs.getInt("leaf_index"),
                Db.instant(rs, "received_at"));
    }
}
