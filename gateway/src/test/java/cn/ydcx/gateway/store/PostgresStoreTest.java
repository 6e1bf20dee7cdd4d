package cn.ydcx.gateway.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on a real PostgreSQL 14 server (one server for the whole class). */
class PostgresStoreTest extends AbstractStoreContractTest {
    static EmbeddedPostgres postgres;
    static HikariDataSource dataSource;

    @BeforeAll
    static void startAndMigrate() throws IOException {
        postgres = EmbeddedPostgres.start();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(10);
        dataSource = new HikariDataSource(config);
        StoreConfiguration.migrate(dataSource);
    }

    @AfterAll
    static void stop() throws IOException {
        if (dataSource != null) {
            dataSource.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
