package cn.ydcx.gateway.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Ingest runs, one per (dataset, mode, file SHA-256). */
@Repository
public class IngestRunStore {
    private static final String COLUMNS = "run_id, dataset, mode, file_sha256, batch_size, state, rows_read,"
            + " accepted, rejected, started_at, finished_at";

    private final JdbcTemplate jdbc;

    public IngestRunStore(DataSource dataSource) {
        this.jdbc = Db.jdbc(dataSource);
    }

    /** The run of this file, started now with this batch size if there was none. */
    public IngestRun begin(String dataset, String mode, String fileSha256, int batchSize, Instant now) {
        jdbc.update("INSERT INTO ingest_run (dataset, mode, file_sha256, batch_size, state, started_at)"
                + " VALUES (?, ?, ?, ?, 'RUNNING', ?) ON CONFLICT DO NOTHING", dataset, mode, fileSha256, batchSize,
                Db.ts(now));
        return jdbc.queryForObject("SELECT " + COLUMNS + " FROM ingest_run WHERE dataset = ? AND mode = ?"
                + " AND file_sha256 = ?", IngestRunStore::map, dataset, mode, fileSha256);
    }

    public void finish(long runId, long rows, long accepted, long rejected, Instant now) {
        jdbc.update("UPDATE ingest_run SET state = 'DONE', rows_read = ?, accepted = ?, rejected = ?, finished_at = ?"
                + " WHERE run_id = ? AND state = 'RUNNING'", rows, accepted, rejected, Db.ts(now), runId);
    }

    /** Forgets a run that made no batch (its file could not be read), so the same file starts afresh. */
    public void abandon(long runId) {
        jdbc.update("DELETE FROM ingest_run WHERE run_id = ? AND state = 'RUNNING'"
                + " AND NOT EXISTS (SELECT 1 FROM exchange_batch WHERE ingest_run = ?)", runId, runId);
    }

    public Optional<IngestRun> find(long runId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ingest_run WHERE run_id = ?", IngestRunStore::map, runId)
                .stream().findFirst();
    }

    /** Runs not finished, oldest first: what a restarted node completes. */
    public List<IngestRun> running() {
        return jdbc.query("SELECT " + COLUMNS + " FROM ingest_run WHERE state = 'RUNNING' ORDER BY run_id",
                IngestRunStore::map);
    }

    private static IngestRun map(ResultSet rs, int row) throws SQLException {
        return new IngestRun(rs.getLong("run_id"), rs.getString("dataset"), rs.getString("mode"),
                rs.getString("file_sha256"), rs.getInt("batch_size"), rs.getString("state"),
                Db.nullableLong(rs, "rows_read"), Db.nullableLong(rs, "accepted"), Db.nullableLong(rs, "rejected"),
                Db.instant(rs, "started_at"), Db.instant(rs, "finished_at"));
    }
}
