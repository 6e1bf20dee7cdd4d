package cn.ydcx.gateway.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The applied position of each (source, dataset) at this node. {@link #lock} takes the row lock
 * until the caller's transaction ends: applies of one (source, dataset) queue on it, from any
 * thread or any instance sharing the database, so seqs are applied one after the other.
 */
@Repository
public class ProgressStore {
    private static final String COLUMNS = "source, dataset, last_seq, last_applied_at, active_records";

    private final JdbcTemplate jdbc;

    public ProgressStore(DataSource dataSource) {
        this.jdbc = Db.jdbc(dataSource);
    }

    /** Locks (creating it at seq 0 if new) and returns the progress of (source, dataset); call in a transaction. */
    public SourceProgress lock(String source, String dataset) {
        jdbc.update("INSERT INTO source_progress (" + COLUMNS + ") VALUES (?, ?, 0, NULL, 0) ON CONFLICT DO NOTHING",
                source, dataset);
        return jdbc.queryForObject("SELECT " + COLUMNS + " FROM source_progress WHERE source = ? AND dataset = ?"
                + " FOR UPDATE", ProgressStore::map, source, dataset);
    }

    /** Records that seq was applied (it must be lastSeq + 1) with the given change in active records. */
    public void advance(String source, String dataset, long seq, Instant at, long activeDelta) {
        int n = jdbc.update("UPDATE source_progress SET last_seq = ?, last_applied_at = ?,"
                + " active_records = active_records + ? WHERE source = ? AND dataset = ? AND last_seq = ?",
                seq, Db.ts(at), activeDelta, source, dataset, seq - 1);
        if (n != 1) {
            throw new IllegalStateException("seq " + seq + " of " + source + "/" + dataset
                    + " is not the next one to apply");
        }
    }

    public Optional<SourceProgress> find(String source, String dataset) {
        return jdbc.query("SELECT " + COLUMNS + " FROM source_progress WHERE source = ? AND dataset = ?",
                ProgressStore::map, source, dataset).stream().findFirst();
    }

    /** Every (source, dataset) seen here, by source and dataset. */
    public List<SourceProgress> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM source_progress ORDER BY source, dataset", ProgressStore::map);
    }

    private static SourceProgress map(ResultSet rs, int row) throws SQLException {
        return new SourceProgress(rs.getString("source"), rs.getString("dataset"), rs.getLong("last_seq"),
                Db.instant(rs, "last_applied_at"), rs.getLong("active_records"));
    }
}
