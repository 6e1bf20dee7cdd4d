package cn.ydcx.gateway.node;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A node never keeps serving on a closed or broken database (H2 closes a database after a
 * failed write and answers "The database has been closed" to everything after). The
 * {@code database-watchdog} route asks the database a question every few seconds; after
 * {@code gateway.database.failures-to-stop} failures in a row the node reports itself broken
 * (health DOWN, every request 503) and stops: the process exits with status 70 so that its
 * supervisor starts it again (H2 and PostgreSQL recover committed work and roll back the rest),
 * or, in a JVM that runs several nodes, only this node's context closes.
 */
@Component("databaseWatchdog")
public class DatabaseWatchdog {

    /** Exit status of a node stopped by a failed database (EX_SOFTWARE). */
    public static final int EXIT_DATABASE_FAILED = 70;
    private static final Logger log = LoggerFactory.getLogger(DatabaseWatchdog.class);

    private final JdbcTemplate jdbc;
    private final NodeProperties props;
    private final ConfigurableApplicationContext context;
    private int failures;

    public DatabaseWatchdog(DataSource dataSource, NodeProperties props, ConfigurableApplicationContext context) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.props = props;
        this.context = context;
    }

    public synchronized void check() {
        try {
            jdbc.queryForObject("SELECT tree_size FROM audit_head WHERE id = 1", Long.class);
            if (failures > 0) {
                log.warn("node {}: the database answers again after {} failed check(s)", props.node(), failures);
            }
            failures = 0;
        } catch (RuntimeException e) {
            failures++;
            log.error("node {}: database check {} of {} failed: {}", props.node(), failures,
                    props.database().failuresToStop(), e.getMessage());
            if (failures >= props.database().failuresToStop()) {
                stop(e.getMessage());
            }
        }
    }

    private void stop(String why) {
        log.error("node {} stops: its database does not answer ({}); start it again once the database is back",
                props.node(), why);
        AvailabilityChangeEvent.publish(context, LivenessState.BROKEN);
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        // not on this (Camel timer) thread: closing the context waits for the routes to stop
        Thread stopper = new Thread(() -> {
            if (props.database().exitOnFailure()) {
                System.exit(SpringApplication.exit(context, () -> EXIT_DATABASE_FAILED));
            } else {
                context.close();
            }
        }, "database-watchdog-stop");
        stopper.setDaemon(false);
        stopper.start();
    }
}
