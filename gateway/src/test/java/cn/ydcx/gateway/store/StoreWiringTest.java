package cn.ydcx.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The stores wired by Spring Boot from exactly the properties documented in docs/STORAGE.md:
 * Boot creates the DataSource, Flyway migrates, the repositories work.
 */
class StoreWiringTest {
    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                        FlywayAutoConfiguration.class))
                .withUserConfiguration(StoreConfiguration.class, RecordVersionStore.class, BatchStore.class,
                        RefusedBatchStore.class, ProgressStore.class, OutboxStore.class, AuditStore.class,
                        CheckpointStore.class, PeerCheckpointStore.class)
                .withPropertyValues("gateway.data-dir=" + dir.resolve("data/ZJ").toAbsolutePath());
    }

    @Test
    void documentedH2PropertiesGiveWorkingStores() {
        runner().withPropertyValues(
                        "spring.datasource.url=jdbc:h2:file:${gateway.data-dir}/gateway"
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                                + ";LOCK_TIMEOUT=30000;DB_CLOSE_ON_EXIT=FALSE",
                        "spring.datasource.username=sa",
                        "spring.datasource.password=",
                        "spring.flyway.locations=classpath:db/migration")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    context.getBean(OutboxStore.class).enqueue("B1", List.of("SH"), Instant.EPOCH);
                    assertThat(context.getBean(OutboxStore.class).head("SH")).isPresent();
                    assertThat(context.getBean(ProgressStore.class).all()).isEmpty();
                    assertThat(context.getBean(AuditStore.class).append("{}", new byte[32])).isZero();
                    assertThat(Files.exists(dir.resolve("data/ZJ/gateway.mv.db"))).isTrue();
                });
    }

    @Test
    void h2UrlWithoutPostgresModeFailsAtStartupBeforeMigrating() {
        runner().withPropertyValues("spring.datasource.url=jdbc:h2:file:${gateway.data-dir}/plain",
                        "spring.datasource.username=sa")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("MODE=PostgreSQL"));
        String url = "jdbc:h2:file:" + dir.resolve("data/ZJ/plain").toAbsolutePath();
        Long tables = new JdbcTemplate(new DriverManagerDataSource(url, "sa", "")).queryForObject(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'", Long.class);
        assertThat(tables).isZero();
    }
}
