package cn.ydcx.gateway.store;

import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outbound batch seq per (source, dataset): 1, 2, 3, … without gaps or duplicates.
 *
 * <p>Concurrency: {@code UPDATE … SET last_seq = last_seq + 1} takes the row lock and holds it
 * until the transaction ends, so concurrent callers (threads, or processes sharing the
 * database) queue up on that row. Call {@link #next} inside the same transaction that stores the
 * batch: if that transaction rolls back, the seq is given back and no gap appears. Called without
 * a transaction it commits at once.
 */
@Repository
public class SequenceStore {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public SequenceStore(DataSource dataSource) {
        this.jdbc = Db.jdbc(dataSource);
        this.tx = Db.transactions(dataSource);
    }

    public long next(String source, String dataset) {
        return tx.execute(status -> {
            // the counter row is created once; a concurrent creator just makes this a no-op
            jdbc.update("INSERT INTO outbound_seq (source, dataset, last_seq) VALUES (?, ?, 0)"
                    + " ON CONFLICT DO NOTHING", source, dataset);
            jdbc.update("UPDATE outbound_seq SET last_seq = last_seq + 1 WHERE source = ? AND dataset = ?",
                    source, dataset);
            return jdbc.queryForObject("SELECT last_seq FROM outbound_seq WHERE source = ? AND dataset = ?",
                    Long.class, source, dataset);
        });
    }

    /** The last seq handed out for (source, dataset), empty if none yet. */
    public OptionalLong current(String source, String dataset) {
        List<Long> values = jdbc.queryForList("SELECT last_seq FROM outbound_seq WHERE source = ? AND dataset = ?",
                Long.class, source, dataset);
        return values.isEmpty() || values.get(0) == 0 ? OptionalLong.empty() : OptionalLong.of(values.get(0));
    }
}
