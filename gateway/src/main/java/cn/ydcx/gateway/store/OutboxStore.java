package cn.ydcx.gateway.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Deliveries of outbound batches to peers, one row per (batchId, peer), Domibus-like:
 * PENDING → DELIVERED | REFUSED | RETRYING; RETRYING → DELIVERED | REFUSED | RETRYING;
 * REFUSED → PENDING only by an operator ({@link #resend}). A peer gets its batches in enqueue
 * order: only its oldest open delivery ({@link #head}) is attempted. Each recorded outcome counts
 * one attempt; marking a delivery that is not open fails, so a late outcome never overwrites one.
 */
@Repository
public class OutboxStore {
    static final int MAX_ERROR = 4000;
    private static final String COLUMNS = "enqueue_order, batch_id, peer, state, attempts, next_attempt_at,"
            + " retrying_since, last_error, receipt_json, created_at, updated_at";
    private static final String OPEN = "state IN ('PENDING', 'RETRYING')";

    private final JdbcTemplate jdbc;

    public OutboxStore(DataSource dataSource) {
        this.jdbc = Db.jdbc(dataSource);
    }

    /** Adds a PENDING delivery per peer, due now. Idempotent: an existing delivery is left as it is. */
    public void enqueue(String batchId, List<String> peers, Instant now) {
        jdbc.batchUpdate("INSERT INTO outbox_delivery (batch_id, peer, state, attempts, next_attempt_at, created_at,"
                        + " updated_at) VALUES (?, ?, 'PENDING', 0, ?, ?, ?) ON CONFLICT DO NOTHING",
                peers.stream().map(p -> new Object[] {batchId, p, Db.ts(now), Db.ts(now), Db.ts(now)}).toList());
    }

    /** The peer's oldest open delivery, due or not. */
    public Optional<Delivery> head(String peer) {
        return jdbc.query("SELECT " + COLUMNS + " FROM outbox_delivery WHERE peer = ? AND " + OPEN
                + " ORDER BY enqueue_order LIMIT 1", OutboxStore::map, peer).stream().findFirst();
    }

    public Optional<Delivery> find(String batchId, String peer) {
        return jdbc.query("SELECT " + COLUMNS + " FROM outbox_delivery WHERE batch_id = ? AND peer = ?",
                OutboxStore::map, batchId, peer).stream().findFirst();
    }

    public void markDelivered(String batchId, String peer, String receiptJson, Instant now) {
        settle(batchId, peer, DeliveryState.DELIVERED, null, receiptJson, now);
    }

    public void markRefused(String batchId, String peer, String problem, String receiptJson, Instant now) {
        settle(batchId, peer, DeliveryState.REFUSED, problem, receiptJson, now);
    }

    /** A failed attempt: RETRYING (since the first failure of this run), due again at nextAttemptAt. */
    public void markRetrying(String batchId, String peer, String error, Instant nextAttemptAt, Instant now) {
        int n = jdbc.update("UPDATE outbox_delivery SET state = 'RETRYING', attempts = attempts + 1, last_error = ?,"
                        + " next_attempt_at = ?, retrying_since = COALESCE(retrying_since, ?), updated_at = ?"
                        + " WHERE batch_id = ? AND peer = ? AND " + OPEN,
                Db.truncate(error, MAX_ERROR), Db.ts(nextAttemptAt), Db.ts(now), Db.ts(now), batchId, peer);
        requireOne(n, batchId, peer, DeliveryState.RETRYING);
    }

    private void settle(String batchId, String peer, DeliveryState state, String error, String receiptJson,
                        Instant now) {
        int n = jdbc.update("UPDATE outbox_delivery SET state = ?, attempts = attempts + 1, last_error = ?,"
                        + " receipt_json = ?, retrying_since = NULL, updated_at = ?"
                        + " WHERE batch_id = ? AND peer = ? AND " + OPEN,
                state.name(), Db.truncate(error, MAX_ERROR), receiptJson, Db.ts(now), batchId, peer);
        requireOne(n, batchId, peer, state);
    }

    /**
     * Operator action: a REFUSED delivery is sent again (PENDING, due now), a RETRYING one is
     * tried now instead of at its next attempt. Attempts and the last receipt are kept.
     *
     * @return the state the delivery was in
     */
    public DeliveryState resend(String batchId, String peer, Instant now) {
        DeliveryState before = find(batchId, peer).map(Delivery::state)
                .orElseThrow(() -> new IllegalArgumentException("no delivery of " + batchId + " to " + peer));
        int n = jdbc.update("UPDATE outbox_delivery SET state = CASE WHEN state = 'REFUSED' THEN 'PENDING'"
                        + " ELSE state END, next_attempt_at = ?, updated_at = ?"
                        + " WHERE batch_id = ? AND peer = ? AND state IN ('REFUSED', 'RETRYING', 'PENDING')",
                Db.ts(now), Db.ts(now), batchId, peer);
        if (n != 1) {
            throw new IllegalStateException("delivery of " + batchId + " to " + peer + " is " + before
                    + ": only a REFUSED, RETRYING or PENDING delivery can be sent again");
        }
        return before;
    }

    private void requireOne(int n, String batchId, String peer, DeliveryState target) {
        if (n != 1) {
            String current = find(batchId, peer).map(d -> "it is " + d.state()).orElse("no such delivery");
            throw new IllegalStateException("delivery of " + batchId + " to " + peer + " cannot become " + target
                    + ": " + current);
        }
    }

    public List<Delivery> forBatch(String batchId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM outbox_delivery WHERE batch_id = ? ORDER BY peer",
                OutboxStore::map, batchId);
    }

    /** Deliveries matching the filters (null: any), newest first. */
    public List<Delivery> list(DeliveryState state, String peer, String batchId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM outbox_delivery WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (state != null) {
            sql.append(" AND state = ?");
            args.add(state.name());
        }
        if (peer != null) {
            sql.append(" AND peer = ?");
            args.add(peer);
        }
        if (batchId != null) {
            sql.append(" AND batch_id = ?");
            args.add(batchId);
        }
        sql.append(" ORDER BY enqueue_order DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), OutboxStore::map, args.toArray());
    }

    /** Count per state; every state is present (0 when none). */
    public Map<DeliveryState, Long> countByState() {
        Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
        for (DeliveryState s : DeliveryState.values()) {
            counts.put(s, 0L);
        }
        jdbc.query("SELECT state, COUNT(*) AS n FROM outbox_delivery GROUP BY state",
                rs -> {
                    counts.put(DeliveryState.valueOf(rs.getString("state")), rs.getLong("n"));
                });
        return counts;
    }

    /** Per peer with open deliveries: how many, and since when the oldest is waiting. */
    public List<PeerBacklog> backlog() {
        return jdbc.query("SELECT peer, COUNT(*) AS n, MIN(created_at) AS oldest FROM outbox_delivery WHERE " + OPEN
                + " GROUP BY peer ORDER BY peer",
                (rs, i) -> new PeerBacklog(rs.getString("peer"), rs.getLong("n"), Db.instant(rs, "oldest")));
    }

    /** Open deliveries of one peer and the enqueue time of the oldest. */
    public record PeerBacklog(String peer, long pending, Instant oldestSince) {
    }

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getLong("enqueue_order"), rs.getString("batch_id"), rs.getString("peer"),
                DeliveryState.valueOf(rs.getString("state")), rs.getInt("attempts"),
                Db.instant(rs, "next_attempt_at"), Db.instant(rs, "retrying_since"), rs.getString("last_error"),
                rs.getString("receipt_json"), Db.instant(rs, "created_at"), Db.instant(rs, "updated_at"));
    }
}
