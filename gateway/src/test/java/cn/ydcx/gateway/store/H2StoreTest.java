package cn.ydcx.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The store contract on H2 in file mode with the node's default URL options. */
class H2StoreTest extends AbstractStoreContractTest {
    @TempDir
    static Path dataDir;
    static HikariDataSource dataSource;

    @BeforeAll
    static void openAndMigrate() {
        dataSource = pool(StoreConfiguration.h2FileUrl(dataDir));
        StoreConfiguration.migrate(dataSource);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }

    static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }

    @Test
    void databaseIsAFileUnderTheDataDirectoryAndSurvivesReopening() {
        assertThat(StoreConfiguration.h2FileUrl(Path.of("./data/ZJ")))
                .startsWith("jdbc:h2:file:" + Path.of("data/ZJ/gateway").toAbsolutePath())
                .endsWith(StoreConfiguration.H2_OPTIONS);
        audit.append("{\"kept\":true}", sha256("kept"));
        assertThat(Files.exists(dataDir.resolve("gateway.mv.db"))).isTrue();

        Path other = dataDir.resolve("reopen");
        try (HikariDataSource first = pool(StoreConfiguration.h2FileUrl(other))) {
            StoreConfiguration.migrate(first);
            new BatchStore(first).insert(batch("B1", "OUT", "ZJ", "penalty", 1));
        }
        try (HikariDataSource second = pool(StoreConfiguration.h2FileUrl(other))) {
            StoreConfiguration.migrate(second);
            assertThat(new BatchStore(second).find("B1").orElseThrow().headerJson()).contains("B1");
        }
    }

    @Test
    void h2WithoutPostgresModeIsRefusedAtStartup() {
        DataSource plain = new DriverManagerDataSource("jdbc:h2:mem:plain;DB_CLOSE_DELAY=-1", "sa", "");
        assertThatThrownBy(() -> StoreConfiguration.requireSupportedDatabase(plain))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MODE=PostgreSQL");
    }
}
