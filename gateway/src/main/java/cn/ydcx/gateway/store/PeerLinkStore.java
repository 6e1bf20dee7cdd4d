package cn.ydcx.gateway.store;

import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Leases on the link to each peer: the dispatcher of one instance holds a peer's lease while it
 * sends to it, so instances sharing a database never push to one peer at the same time, and a
 * killed instance's lease simply runs out.
 */
@Repository
public class PeerLinkStore {
    private final JdbcTemplate jdbc;

    public PeerLinkStore(DataSource dataSource) {
        this.jdbc = Db.jdbc(dataSource);
    }

    /** Takes or renews the lease on peer until {@code until}; false when another owner holds it. */
    public boolean claim(String peer, String owner, Instant now, Instant until) {
        jdbc.update("INSERT INTO peer_link (peer, lease_owner, lease_until) VALUES (?, NULL, NULL)"
                + " ON CONFLICT DO NOTHING", peer);
        return jdbc.update("UPDATE peer_link SET lease_owner = ?, lease_until = ? WHERE peer = ?"
                + " AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)",
                owner, Db.ts(until), peer, owner, Db.ts(now)) == 1;
    }

    /** Gives the lease back (at shutdown), so another instance can take over at once. */
    public void release(String peer, String owner) {
        jdbc.update("UPDATE peer_link SET lease_owner = NULL, lease_until = NULL WHERE peer = ? AND lease_owner = ?",
                peer, owner);
    }
}
