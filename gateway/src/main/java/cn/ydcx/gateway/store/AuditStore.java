package cn.ydcx.gateway.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Storage of the append-only audit log (the Merkle math lives elsewhere). Entry i is stored
 * with its JCS text and its leaf hash; indexes are 0, 1, 2, … without gaps.
 *
 * <p>Serialisation: the single row of {@code audit_head} holds the log size. An append
 * increments it with an UPDATE, which takes that row's lock until the transaction ends, so
 * appends from any thread or process queue up and each gets the next index. Called inside the
 * caller's transaction, the entry commits or rolls back with the caller's work (no gap either
 * way), but later appends wait until that transaction ends: keep such transactions short.
 */
@Repository
public class AuditStore {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public AuditStore(DataSource dataSource) {
        this.jdbc = Db.jdbc(dataSource);
        this.tx = Db.transactions(dataSource);
    }

    /** Appends an entry and returns its 0-based index. */
    public long append(String entryJcs, byte[] leafHash) {
        return append(entryJcs, leafHash, List.of());
    }

    /**
     * Appends an entry and indexes it under the batchIds and recordIds it is about, so a record can be traced
     * through the log without scanning every entry.
     */
    public long append(String entryJcs, byte[] leafHash, Collection<String> refs) {
        return tx.execute(status -> {
            jdbc.update("UPDATE audit_head SET tree_size = tree_size + 1 WHERE id = 1");
            long index = jdbc.queryForObject("SELECT tree_size FROM audit_head WHERE id = 1", Long.class) - 1;
            jdbc.update("INSERT INTO audit_entry (idx, entry_jcs, leaf_hash, appended_at) VALUES (?, ?, ?, ?)",
                    index, entryJcs, leafHash, Db.ts(Instant.now()));
            Set<String> distinct = new TreeSet<>(refs);
            if (!distinct.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO audit_ref (ref, idx) VALUES (?, ?)",
                        distinct.stream().map(id -> new Object[] {id, index}).toList());
            }
            return index;
        });
    }

    public Optional<String> entry(long index) {
        return jdbc.queryForList("SELECT entry_jcs FROM audit_entry WHERE idx = ?", String.class, index)
                .stream().findFirst();
    }

    /** Entries [fromInclusive, toExclusive) in index order. */
    public List<String> entries(long fromInclusive, long toExclusive) {
        return jdbc.queryForList("SELECT entry_jcs FROM audit_entry WHERE idx >= ? AND idx < ? ORDER BY idx",
                String.class, fromInclusive, toExclusive);
    }

    /** Number of committed entries. */
    public long size() {
        return jdbc.queryForObject("SELECT tree_size FROM audit_head WHERE id = 1", Long.class);
    }

    /** Leaf hashes [fromInclusive, toExclusive) in index order. */
    public List<byte[]> leafHashes(long fromInclusive, long toExclusive) {
        return jdbc.query("SELECT leaf_hash FROM audit_entry WHERE idx >= ? AND idx < ? ORDER BY idx",
                (rs, i) -> rs.getBytes(1), fromInclusive, toExclusive);
    }

    /** Indexes of the entries about this batchId or recordId, ascending. */
    public List<Long> indexesFor(String ref) {
        return jdbc.queryForList("SELECT idx FROM audit_ref WHERE ref = ? ORDER BY idx",
                Long.class, ref);
    }
}
