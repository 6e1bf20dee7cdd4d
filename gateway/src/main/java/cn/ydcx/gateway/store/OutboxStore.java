package cn.ydcx.gateway.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Deliveries of outbound batches to peers, one row per (batchId, peer), Domibus-like:
 * PENDING → DELIVERED (signed receipt) | REFUSED (peer refused, with its receipt) | FAILED (gave
 * up), or PENDING again with a later nextAttemptAt (retry). Only a PENDING delivery can be
 * marked; {@link #requeue} lets an operator send a REFUSED/FAILED one again.
 * Every mark records the outcome of one attempt, so each increments {@code attempts}.
 */
@Repository
public class OutboxStore {
    static final int MAX_ERROR = 4000;
    private static final String COLUMNS = "batch_id, peer, state, attempts, next_attempt_at, last_error,"
            + " receipt_json, updated_at";

    private final JdbcTemplate jdbc;

    public OutboxStore(DataSource dataSource) {
        this.jdbc = Db.jdbc(dataSource);
    }

    /** Adds a PENDING delivery per peer, due now. Idempotent: an existing delivery is left as it is. */
    public void enqueue(String batchId, List<String> peers, Instant now) {
        for (String peer : peers) {
            jdbc.update("INSERT INTO outbox_delivery (batch_id, peer, state, attempts, next_attempt_at, created_at,"
                            + " updated_at) VALUES (?, ?, 'PENDING', 0, ?, ?, ?) ON CONFLICT DO NOTHING",
                    batchId, peer, Db.ts(now), Db.ts(now), Db.ts(now));
        }
    }

    /**
     * PENDING deliveries with nextAttemptAt ≤ now, earliest due first, then in enqueue order (so
     * a peer gets a source's batches in seq order when they are due together).
     */
    public List<Delivery> due(Instant now, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM outbox_delivery WHERE state = 'PENDING'"
                + " AND next_attempt_at <= ? ORDER BY next_attempt_at, enqueue_order LIMIT ?",
                OutboxStore::map, Db.ts(now), limit);
    }

    public void markDelivered(String batchId, String peer, String receiptJson, Instant now) {
        transition(batchId, peer, Delivery.DELIVERED, null, receiptJson, null, now);
    }

    public void markRefused(String batchId, String peer, String error, String receiptJson, Instant now) {
        transition(batchId, peer, Delivery.REFUSED, error, receiptJson, null, now);
    }

    /** Stays PENDING, due again at nextAttemptAt. */
    public void markRetry(String batchId, String peer, String error, Instant nextAttemptAt, Instant now) {
        java.util.Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        transition(batchId, peer, Delivery.PENDING, error, null, nextAttemptAt, now);
    }

    /** Gives up (e.g. after the last allowed attempt). */
    public void markFailed(String batchId, String peer, String error, Instant now) {
        transition(batchId, peer, Delivery.FAILED, error, null, null, now);
    }

    /** Operator action: a REFUSED or FAILED delivery becomes PENDING and due now; attempts are kept. */
    public void requeue(String batchId, String peer, Instant now) {
        int n = jdbc.update("UPDATE outbox_delivery SET state = 'PENDING', next_attempt_at = ?, updated_at = ?"
                        + " WHERE batch_id = ? AND peer = ? AND state IN ('REFUSED', 'FAILED')",
                Db.ts(now), Db.ts(now), batchId, peer);
        if (n != 1) {
            throw notMarkable(batchId, peer, "PENDING (requeue)");
        }
    }

    private void transition(String batchId, String peer, String state, String error, String receiptJson,
                            Instant nextAttemptAt, Instant now) {
        // the state guard makes a late or duplicate outcome fail loudly instead of overwriting
        int n = jdbc.update("UPDATE outbox_delivery SET state = ?, attempts = attempts + 1, last_error = ?,"
                        + " receipt_json = COALESCE(?, receipt_json),"
                        + " next_attempt_at = COALESCE(?, next_attempt_at), updated_at = ?"
                        + " WHERE batch_id = ? AND peer = ? AND state = 'PENDING'",
                state, Db.truncate(error, MAX_ERROR), receiptJson, Db.ts(nextAttemptAt), Db.ts(now), batchId, peer);
        if (n != 1) {
            throw notMarkable(batchId, peer, state);
        }
    }

    private IllegalStateException notMarkable(String batchId, String peer, String target) {
        List<String> current = jdbc.queryForList("SELECT state FROM outbox_delivery WHERE batch_id = ? AND peer = ?",
                String.class, batchId, peer);
        return new IllegalStateException("delivery of " + batchId + " to " + peer + " cannot become " + target
                + ": " + (current.isEmpty() ? "no such delivery" : "it is " + current.get(0)));
    }

    public List<Delivery> forBatch(String batchId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM outbox_delivery WHERE batch_id = ? ORDER BY peer",
                OutboxStore::map, batchId);
    }

    /** Count per state; all four states are present (0 when none). */
    public Map<String, Long> countByState() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String s : List.of(Delivery.PENDING, Delivery.DELIVERED, Delivery.REFUSED, Delivery.FAILED)) {
            counts.put(s, 0L);
        }
        jdbc.query("SELECT state, COUNT(*) AS n FROM outbox_delivery GROUP BY state",
                rs -> {
                    counts.put(rs.getString("state"), rs.getLong("n"));
                });
        return counts;
    }

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getString("batch_id"), rs.getString("peer"), rs.getString("state"),
                rs.getInt("attempts"), Db.instant(rs, "next_attempt_at"), rs.getString("last_error"),
                rs.getString("receipt_json"), Db.instant(rs, "updated_at"));
    }
}
