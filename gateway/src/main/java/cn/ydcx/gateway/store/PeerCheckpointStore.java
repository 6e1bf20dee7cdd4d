package cn.ydcx.gateway.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Checkpoints fetched from peers and accepted after their consistency proof; the latest one
 * per origin is what the next consistency proof is demanded against.
 */
@Repository
public class PeerCheckpointStore {
    private static final String COLUMNS = "origin, tree_size, root_hex, checkpoint_json, received_at";

    private final JdbcTemplate jdbc;

    public PeerCheckpointStore(DataSource dataSource) {
        this.jdbc = Db.jdbc(dataSource);
    }

    /**
     * @return true if stored, false if the same (origin, size, root) was already stored
     * @throws IllegalStateException if a different root is stored for that origin and size — the
     *                               peer presented two different logs (keep the evidence: the
     *                               caller should record {@code json} in its audit log)
     */
    public boolean save(String origin, long size, String rootHex, String json) {
        int inserted = jdbc.update("INSERT INTO peer_checkpoint (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", origin, size, rootHex, json, Db.ts(Instant.now()));
        if (inserted == 1) {
            return true;
        }
        String stored = jdbc.queryForObject("SELECT root_hex FROM peer_checkpoint WHERE origin = ? AND tree_size = ?",
                String.class, origin, size);
        if (!rootHex.equals(stored)) {
            throw new IllegalStateException("peer " + origin + " checkpoint for size " + size + " has root " + stored
                    + " on file, now presented with " + rootHex);
        }
        return false;
    }

    public Optional<PeerCheckpoint> latest(String origin) {
        return jdbc.query("SELECT " + COLUMNS + " FROM peer_checkpoint WHERE origin = ?"
                + " ORDER BY tree_size DESC LIMIT 1", PeerCheckpointStore::map, origin).stream().findFirst();
    }

    private static PeerCheckpoint map(ResultSet rs, int row) throws SQLException {
        return new PeerCheckpoint(rs.getString("origin"), rs.getLong("tree_size"), rs.getString("root_hex"),
                rs.getString("checkpoint_json"), Db.instant(rs, "received_at"));
    }
}
