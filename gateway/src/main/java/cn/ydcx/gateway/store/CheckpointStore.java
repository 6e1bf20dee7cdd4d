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
 * Signed checkpoints of this node's own audit log, at most one per tree size (a proof is checked
 * against the checkpoint of exactly its size).
 */
@Repository
public class CheckpointStore {
    private static final String COLUMNS = "tree_size, root_hex, checkpoint_json, signature_json, saved_at";

    private final JdbcTemplate jdbc;

    public CheckpointStore(DataSource dataSource) {
        this.jdbc = Db.jdbc(dataSource);
    }

    /**
     * Saves the checkpoint for {@code size}. Saving again for a size already stored keeps the
     * first one (its signature stays the one peers may have seen) when the root is the same.
     *
     * @return the checkpoint now stored for that size
     * @throws IllegalStateException if a different root is already stored for that size: the log
     *                               would have been rewritten
     */
    public Checkpoint save(long size, String rootHex, String checkpointJson, String signatureJson) {
        jdbc.update("INSERT INTO audit_checkpoint (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                size, rootHex, checkpointJson, signatureJson, Db.ts(Instant.now()));
        Checkpoint stored = atSize(size).orElseThrow();
        if (!stored.rootHex().equals(rootHex)) {
            throw new IllegalStateException("checkpoint for size " + size + " already has root " + stored.rootHex()
                    + ", refusing a different root " + rootHex);
        }
        return stored;
    }

    public Optional<Checkpoint> latest() {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_checkpoint ORDER BY tree_size DESC LIMIT 1",
                CheckpointStore::map).stream().findFirst();
    }

    public Optional<Checkpoint> atSize(long size) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_checkpoint WHERE tree_size = ?",
                CheckpointStore::map, size).stream().findFirst();
    }

    /** Every checkpoint made, oldest first. */
    public List<Checkpoint> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_checkpoint ORDER BY tree_size", CheckpointStore::map);
    }

    private static Checkpoint map(ResultSet rs, int row) throws SQLException {
        return new Checkpoint(rs.getLong("tree_size"), rs.getString("root_hex"), rs.getString("checkpoint_json"),
                rs.getString("signature_json"), Db.instant(rs, "saved_at"));
    }
}
