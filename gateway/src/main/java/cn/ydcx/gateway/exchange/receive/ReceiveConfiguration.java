package cn.ydcx.gateway.exchange.receive;

import javax.sql.DataSource;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** Camel's JDBC idempotent repository for the {@code apply-batch} route. */
@Configuration(proxyBeanMethods = false)
public class ReceiveConfiguration {

    /** Name under which the received batches' digests are kept in {@code camel_messageprocessed}. */
    static final String PROCESSOR = "received-batches";

    /**
     * Digests of the batches received, in the node's database. Its transaction template joins
     * the route's transaction, so a digest is recorded exactly when the batch is stored.
     */
    @Bean
    JdbcMessageIdRepository receivedBatches(DataSource dataSource, TransactionTemplate tx) {
        JdbcMessageIdRepository repo = new JdbcMessageIdRepository(dataSource, tx, PROCESSOR);
        repo.setCreateTableIfNotExists(false); // created by the Flyway migration
        return repo;
    }
}
