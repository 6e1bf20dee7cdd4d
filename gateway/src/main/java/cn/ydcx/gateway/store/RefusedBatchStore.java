package cn.ydcx.gateway.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Batches refused at receipt, stored with their raw body so nothing is lost. */
@Repository
public class RefusedBatchStore {
    private static final String SUMMARY = "id, received_at, peer, batch_id, source, dataset, seq, problem, detail,"
            + " body_sha256";

    private final JdbcTemplate jdbc;

    public RefusedBatchStore(DataSource dataSource) {
        this.jdbc = Db.jdbc(dataSource);
    }

    /**
     * Stores the refusal (its id and bodySha256 are ignored and computed) and returns its id.
     * Header fields may be anything a peer sent: the columns have no length limits.
     */
    public long insert(RefusedBatch r) {
        byte[] body = r.body() == null ? new byte[0] : r.body();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO refused_batch (received_at, peer, batch_id,"
                    + " source, dataset, seq, problem, detail, body_sha256, body_size, body)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setObject(1, Db.ts(r.receivedAt()));
            ps.setString(2, r.peer());
            ps.setString(3, r.batchId());
            ps.setString(4, r.source());
            ps.setString(5, r.dataset());
            ps.setObject(6, r.seq());
            ps.setString(7, r.problem());
            ps.setString(8, r.detail());
            ps.setString(9, sha256Hex(body));
            ps.setLong(10, body.length);
            ps.setBytes(11, body);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /** Newest first; {@code body} is NOT loaded (null) — use {@link #find} for one refusal. */
    public List<RefusedBatch> list(int limit) {
        return jdbc.query("SELECT " + SUMMARY + " FROM refused_batch ORDER BY id DESC LIMIT ?",
                (rs, i) -> map(rs, null), limit);
    }

    public Optional<RefusedBatch> find(long id) {
        return jdbc.query("SELECT " + SUMMARY + ", body FROM refused_batch WHERE id = ?",
                (rs, i) -> map(rs, rs.getBytes("body")), id).stream().findFirst();
    }

    public long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM refused_batch", Long.class);
    }

    private static RefusedBatch map(ResultSet rs, byte[] body) throws SQLException {
        return new RefusedBatch(rs.getLong("id"), Db.instant(rs, "received_at"), rs.getString("peer"),
                rs.getString("batch_id"), rs.getString("source"), rs.getString("dataset"),
                Db.nullableLong(rs, "seq"), rs.getString("problem"), rs.getString("detail"),
                rs.getString("body_sha256"), body);
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
