package cn.ydcx.gateway.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Storage wiring and the database settings the stores rely on. In a Spring node, Boot creates
 * the DataSource and runs Flyway from {@code spring.datasource.*} / {@code spring.flyway.*};
 * outside Spring (CLI tools, tests) use {@link #h2FileUrl} and {@link #migrate}.
 * See docs/STORAGE.md.
 */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    /**
     * H2 URL options the migration and the stores depend on:
     * MODE=PostgreSQL (INSERT … ON CONFLICT DO NOTHING, TEXT/BYTEA types as in PostgreSQL),
     * DATABASE_TO_LOWER=TRUE (unquoted names lower-case, as in PostgreSQL),
     * DEFAULT_NULL_ORDERING=HIGH (NULLs sort like PostgreSQL),
     * LOCK_TIMEOUT=30000 (ms; H2's default of 1 s is too short for writers queueing on the
     * audit/seq row locks — PostgreSQL waits indefinitely),
     * DB_CLOSE_ON_EXIT=FALSE (Spring, not H2's shutdown hook, closes the database).
     */
    public static final String H2_OPTIONS =
            ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=30000;DB_CLOSE_ON_EXIT=FALSE";

    public static final String MIGRATIONS = "classpath:db/migration";

    /** H2 file database {@code <dataDir>/gateway.mv.db}; dataDir is made absolute as H2 requires. */
    public static String h2FileUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("gateway") + H2_OPTIONS;
    }

    /** Applies the migrations (what Boot's Flyway auto-configuration does in a node). */
    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load().migrate();
    }

    /**
     * Fails fast at startup when H2 is opened without the options above: the stores' SQL
     * would otherwise fail later, on the first write.
     */
    @Bean
    InitializingBean storeDatabaseCheck(DataSource dataSource) {
        return () -> requireSupportedDatabase(dataSource);
    }

    /**
     * The same check before Boot's Flyway migrates: a migration run in the wrong H2 mode would
     * create upper-case tables that the right URL no longer finds.
     */
    @Bean
    FlywayConfigurationCustomizer storeDatabaseCheckBeforeMigration() {
        return configuration -> {
            try {
                requireSupportedDatabase(configuration.getDataSource());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot inspect the database before migrating", e);
            }
        };
    }

    static void requireSupportedDatabase(DataSource dataSource) throws SQLException {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        }
        if ("PostgreSQL".equals(product)) {
            return;
        }
        if (!"H2".equals(product)) {
            throw new IllegalStateException("unsupported database " + product + " (use H2 or PostgreSQL)");
        }
        List<String> settings = new JdbcTemplate(dataSource).queryForList("SELECT setting_value"
                + " FROM information_schema.settings WHERE setting_name IN ('MODE', 'DATABASE_TO_LOWER')"
                + " ORDER BY setting_name", String.class);
        boolean ok = settings.size() == 2 && "true".equalsIgnoreCase(settings.get(0))
                && "PostgreSQL".equalsIgnoreCase(settings.get(1));
        if (!ok) {
            throw new IllegalStateException("H2 must be opened with MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE, found "
                    + settings + " (see docs/STORAGE.md)");
        }
    }
}
