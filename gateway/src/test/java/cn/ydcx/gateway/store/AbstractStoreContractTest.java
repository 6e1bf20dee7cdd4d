package cn.ydcx.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The behaviour every store must show on every supported database. Subclasses provide a
 * migrated DataSource (one database per test class); each test starts from empty tables.
 */
abstract class AbstractStoreContractTest {
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00.123456Z");
    static final String USCC = "91330000MA27U0XX0X";
    static final String ID_NUMBER = "33010219900307123X";
    static final String CHINESE = "杭州某某餐饮管理有限公司（分店）〔2023〕浙0106罚字第123号　罚款；警告 𠀀";

    RecordStore records;
    BatchStore batches;
    RefusedBatchStore refused;
    SequenceStore sequences;
    OutboxStore outbox;
    AuditStore audit;
    CheckpointStore checkpoints;
    PeerCheckpointStore peerCheckpoints;
    JdbcTemplate jdbc;
    TransactionTemplate tx;

    /** A DataSource on a database already migrated with {@link StoreConfiguration#migrate}. */
    abstract DataSource dataSource();

    @BeforeEach
    void emptyTablesAndCreateStores() {
        DataSource ds = dataSource();
        jdbc = new JdbcTemplate(ds);
        for (String table : List.of("canonical_record", "exchange_batch", "refused_batch", "outbound_seq",
                "outbox_delivery", "audit_entry", "audit_record_index", "audit_checkpoint", "peer_checkpoint")) {
            jdbc.update("DELETE FROM " + table);
        }
        jdbc.update("UPDATE audit_head SET tree_size = 0");
        tx = new TransactionTemplate(new JdbcTransactionManager(ds));
        records = new RecordStore(ds);
        batches = new BatchStore(ds);
        refused = new RefusedBatchStore(ds);
        sequences = new SequenceStore(ds);
        outbox = new OutboxStore(ds);
        audit = new AuditStore(ds);
        checkpoints = new CheckpointStore(ds);
        peerCheckpoints = new PeerCheckpointStore(ds);
    }

    // ---------------------------------------------------------------- migration

    @Test
    void migrationIsAppliedAndValidates() throws Exception {
        Flyway flyway = Flyway.configure().dataSource(dataSource()).locations(StoreConfiguration.MIGRATIONS).load();
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("1");
        assertThat(flyway.migrate().migrationsExecuted).isZero();
        StoreConfiguration.requireSupportedDatabase(dataSource());
    }

    // ---------------------------------------------------------------- records

    @Test
    void applyInsertsNewRecordAndFindsIt() {
        StoredRecord r = upsert("r1", "ZJ", "penalty", "K1", USCC, null, 3);
        assertThat(records.apply(r)).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(records.find("r1")).contains(r);
        assertThat(records.find("nope")).isEmpty();
    }

    @Test
    void newerSeqReplacesOlderAndEqualSeqAreStale() {
        records.apply(upsert("r1", "ZJ", "penalty", "K1", USCC, null, 3));
        StoredRecord newer = withJson(upsert("r1", "ZJ", "penalty", "K1", USCC, null, 5), "{\"v\":5}");
        assertThat(records.apply(newer)).isEqualTo(ApplyOutcome.APPLIED);

        assertThat(records.apply(withJson(upsert("r1", "ZJ", "penalty", "K1", USCC, null, 4), "{\"v\":4}")))
                .isEqualTo(ApplyOutcome.STALE);
        assertThat(records.apply(withJson(upsert("r1", "ZJ", "penalty", "K1", USCC, null, 5), "{\"v\":55}")))
                .isEqualTo(ApplyOutcome.STALE);
        assertThat(records.find("r1")).contains(newer);
    }

    @Test
    void retractDeactivatesKeepsLastJsonAndHidesFromSubjectQuery() {
        StoredRecord original = upsert("r1", "ZJ", "penalty", "K1", USCC, null, 1);
        records.apply(original);
        records.apply(upsert("r2", "ZJ", "penalty", "K2", USCC, null, 1));
        StoredRecord retract = new StoredRecord("r1", "penalty", "ZJ", "K1", "RETRACT", USCC, null, "whatever",
                "{\"op\":\"RETRACT\"}", "B-2", 2, T0.plusSeconds(60), true);

        assertThat(records.apply(retract)).isEqualTo(ApplyOutcome.RETRACTED);

        StoredRecord stored = records.find("r1").orElseThrow();
        assertThat(stored.active()).isFalse();
        assertThat(stored.op()).isEqualTo("RETRACT");
        assertThat(stored.recordJson()).isEqualTo(original.recordJson());
        assertThat(stored.subjectName()).isEqualTo(original.subjectName());
        assertThat(stored.batchId()).isEqualTo("B-2");
        assertThat(stored.seq()).isEqualTo(2);
        assertThat(stored.receivedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(records.findActiveBySubject(USCC, null)).extracting(StoredRecord::recordId).containsExactly("r2");
        assertThat(records.countActive("ZJ", "penalty")).isEqualTo(1);

        // an older UPSERT arriving late must not resurrect it; a newer one does
        assertThat(records.apply(upsert("r1", "ZJ", "penalty", "K1", USCC, null, 1))).isEqualTo(ApplyOutcome.STALE);
        assertThat(records.find("r1").orElseThrow().active()).isFalse();
        assertThat(records.apply(upsert("r1", "ZJ", "penalty", "K1", USCC, null, 3))).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(records.find("r1").orElseThrow().active()).isTrue();
    }

    @Test
    void staleRetractIsIgnoredAndRetractOfUnknownRecordIsKeptInactive() {
        records.apply(upsert("r1", "ZJ", "penalty", "K1", USCC, null, 5));
        StoredRecord lateRetract = new StoredRecord("r1", "penalty", "ZJ", "K1", "RETRACT", USCC, null, "n",
                "{}", "B-4", 4, T0, true);
        assertThat(records.apply(lateRetract)).isEqualTo(ApplyOutcome.STALE);
        assertThat(records.find("r1").orElseThrow().active()).isTrue();

        StoredRecord unknown = new StoredRecord("r9", "penalty", "ZJ", "K9", "RETRACT", USCC, null, "n",
                "{\"k\":9}", "B-4", 4, T0, true);
        assertThat(records.apply(unknown)).isEqualTo(ApplyOutcome.RETRACTED);
        assertThat(records.find("r9").orElseThrow().active()).isFalse();
        assertThat(records.apply(upsert("r9", "ZJ", "penalty", "K9", USCC, null, 3))).isEqualTo(ApplyOutcome.STALE);
    }

    @Test
    void subjectQueriesByUsccOrIdNumberOrderedBySourceDatasetKey() {
        records.apply(upsert("a", "ZJ", "penalty", "K2", USCC, null, 1));
        records.apply(upsert("b", "SH", "penalty", "K9", USCC, null, 1));
        records.apply(upsert("c", "ZJ", "license", "K5", USCC, null, 1));
        records.apply(upsert("d", "ZJ", "penalty", "K1", USCC, null, 1));
        records.apply(upsert("e", "JS", "penalty", "P1", null, ID_NUMBER, 1));
        records.apply(upsert("f", "AH", "dishonesty", "X1", "91340000000000000X", null, 1));

        assertThat(records.findActiveBySubject(USCC, null)).extracting(StoredRecord::recordId)
                .containsExactly("b", "c", "d", "a");
        assertThat(records.findActiveBySubject(null, ID_NUMBER)).extracting(StoredRecord::recordId)
                .containsExactly("e");
        assertThat(records.findActiveBySubject(USCC, ID_NUMBER)).extracting(StoredRecord::recordId)
                .containsExactly("e", "b", "c", "d", "a");
        assertThat(records.findActiveBySubject("NOBODY", null)).isEmpty();
        assertThatThrownBy(() -> records.findActiveBySubject(null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(records.countActive()).isEqualTo(6);
        assertThat(records.countActive("ZJ", "penalty")).isEqualTo(2);
        assertThat(records.countActive("ZJ", "report")).isZero();
    }

    @Test
    void concurrentAppliesToOneRecordEndWithTheHighestSeq() throws Exception {
        List<Long> seqs = new ArrayList<>(LongStream.rangeClosed(1, 16).boxed().toList());
        Collections.shuffle(seqs);
        List<ApplyOutcome> outcomes = runConcurrently(seqs.stream()
                .<Callable<ApplyOutcome>>map(s -> () -> records.apply(
                        withJson(upsert("r1", "ZJ", "penalty", "K1", USCC, null, s), "{\"seq\":" + s + "}")))
                .toList());
        StoredRecord stored = records.find("r1").orElseThrow();
        assertThat(stored.seq()).isEqualTo(16);
        assertThat(stored.recordJson()).isEqualTo("{\"seq\":16}");
        assertThat(outcomes).contains(ApplyOutcome.APPLIED).doesNotContain(ApplyOutcome.RETRACTED);
    }

    @Test
    void chineseTextRoundTripsUnchanged() {
        StoredRecord r = new StoredRecord("r1", "penalty", "ZJ", "〔2023〕浙0106罚字第123号", "UPSERT", USCC, null,
                CHINESE, "{\"subject\":{\"name\":\"" + CHINESE + "\"}}", "ZJ-penalty-1", 1, T0, true);
        records.apply(r);
        assertThat(records.find("r1")).contains(r);
        batches.insert(batch("B1", "OUT", "ZJ", "penalty", 1, "{\"x\":\"" + CHINESE + "\"}"));
        assertThat(batches.find("B1", "OUT").orElseThrow().batchJson()).isEqualTo("{\"x\":\"" + CHINESE + "\"}");
        audit.append("{\"e\":\"" + CHINESE + "\"}", sha256(CHINESE));
        assertThat(audit.entry(0)).contains("{\"e\":\"" + CHINESE + "\"}");
    }

    // ---------------------------------------------------------------- batches

    @Test
    void largeBatchJsonRoundTrips() {
        String json = bigJson(5 * 1024 * 1024);
        BatchRow row = batch("ZJ-penalty-1", "OUT", "ZJ", "penalty", 1, json);
        batches.insert(row);
        BatchRow found = batches.find("ZJ-penalty-1", "OUT").orElseThrow();
        assertThat(found.batchJson().length()).isEqualTo(json.length());
        assertThat(found).isEqualTo(row);
    }

    @Test
    void duplicateBatchIdOrSeqIsADuplicateKeyException() {
        batches.insert(batch("B1", "IN", "ZJ", "penalty", 1, "{}"));
        assertThatThrownBy(() -> batches.insert(batch("B1", "IN", "ZJ", "penalty", 2, "{}")))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> batches.insert(batch("B2", "IN", "ZJ", "penalty", 1, "{}")))
                .isInstanceOf(DuplicateKeyException.class);
        // the other direction, another dataset, another source are separate
        batches.insert(batch("B1", "OUT", "ZJ", "penalty", 1, "{}"));
        batches.insert(batch("B3", "IN", "ZJ", "license", 1, "{}"));
        batches.insert(batch("B4", "IN", "SH", "penalty", 1, "{}"));
        assertThat(batches.list("IN", 10)).hasSize(3);
    }

    @Test
    void lastSeqSeqSeenListAndStatus() {
        assertThat(batches.lastSeq("ZJ", "penalty", "IN")).isEqualTo(OptionalLong.empty());
        batches.insert(batch("B1", "IN", "ZJ", "penalty", 1, "{\"n\":1}"));
        batches.insert(batch("B2", "IN", "ZJ", "penalty", 2, "{\"n\":2}"));
        batches.insert(batch("B7", "OUT", "ZJ", "penalty", 7, "{\"n\":7}"));

        assertThat(batches.lastSeq("ZJ", "penalty", "IN")).isEqualTo(OptionalLong.of(2));
        assertThat(batches.lastSeq("ZJ", "penalty", "OUT")).isEqualTo(OptionalLong.of(7));
        assertThat(batches.seqSeen("ZJ", "penalty", 2, "IN")).isTrue();
        assertThat(batches.seqSeen("ZJ", "penalty", 3, "IN")).isFalse();
        assertThat(batches.seqSeen("ZJ", "penalty", 7, "IN")).isFalse();

        List<BatchRow> in = batches.list("IN", 10);
        assertThat(in).extracting(BatchRow::batchId).containsExactly("B2", "B1");
        assertThat(in).allSatisfy(b -> assertThat(b.batchJson()).isNull());
        assertThat(batches.list("IN", 1)).extracting(BatchRow::batchId).containsExactly("B2");

        assertThat(batches.updateStatus("B1", "IN", "APPLIED")).isTrue();
        assertThat(batches.updateStatus("B1", "OUT", "APPLIED")).isFalse();
        assertThat(batches.find("B1", "IN").orElseThrow().status()).isEqualTo("APPLIED");
        assertThat(batches.find("B2", "IN").orElseThrow().status()).isEqualTo("RECEIVED");
        assertThat(batches.find("B1", "OUT")).isEmpty();
    }

    @Test
    void badDirectionIsRejected() {
        assertThatThrownBy(() -> batches.insert(batch("B1", "SIDEWAYS", "ZJ", "penalty", 1, "{}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- refused

    @Test
    void refusedBatchesKeepTheRawBody() {
        byte[] gbk = "罚款".getBytes(java.nio.charset.Charset.forName("GBK"));
        long first = refused.insert(RefusedBatch.of(T0, "SH", null, null, null, null, "MALFORMED", "not JSON", gbk));
        byte[] big = bigJson(3 * 1024 * 1024).getBytes(StandardCharsets.UTF_8);
        long second = refused.insert(RefusedBatch.of(T0.plusSeconds(1), null, "ZJ-penalty-9", "ZJ", "penalty", 9L,
                "BAD_SIGNATURE", CHINESE, big));

        assertThat(second).isGreaterThan(first);
        assertThat(refused.count()).isEqualTo(2);
        RefusedBatch one = refused.find(first).orElseThrow();
        assertThat(one.body()).isEqualTo(gbk);
        assertThat(one.bodySha256()).isEqualTo(HexFormat.of().formatHex(sha256(gbk)));
        assertThat(one.peer()).isEqualTo("SH");
        assertThat(one.batchId()).isNull();
        assertThat(one.seq()).isNull();
        assertThat(one.receivedAt()).isEqualTo(T0);
        RefusedBatch two = refused.find(second).orElseThrow();
        assertThat(two.body()).isEqualTo(big);
        assertThat(two.seq()).isEqualTo(9L);
        assertThat(two.detail()).isEqualTo(CHINESE);

        assertThat(refused.list(10)).extracting(RefusedBatch::id).containsExactly(second, first);
        assertThat(refused.list(10)).allSatisfy(r -> assertThat(r.body()).isNull());
        assertThat(refused.list(10).get(0).bodySha256()).isEqualTo(HexFormat.of().formatHex(sha256(big)));
        assertThat(refused.find(second + 1000)).isEmpty();
    }

    @Test
    void refusalWithAbsurdHeaderFieldsIsStillKept() {
        String junk = "源".repeat(20_000);
        long id = refused.insert(RefusedBatch.of(T0, junk, junk, junk, junk, Long.MAX_VALUE, junk, junk,
                junk.getBytes(StandardCharsets.UTF_8)));
        RefusedBatch r = refused.find(id).orElseThrow();
        assertThat(List.of(r.peer(), r.batchId(), r.source(), r.dataset(), r.problem(), r.detail()))
                .containsOnly(junk);
        assertThat(r.seq()).isEqualTo(Long.MAX_VALUE);
    }

    // ---------------------------------------------------------------- sequences

    @Test
    void sequenceStartsAtOnePerSourceAndDataset() {
        assertThat(sequences.current("ZJ", "penalty")).isEmpty();
        assertThat(sequences.next("ZJ", "penalty")).isEqualTo(1);
        assertThat(sequences.next("ZJ", "penalty")).isEqualTo(2);
        assertThat(sequences.next("ZJ", "license")).isEqualTo(1);
        assertThat(sequences.next("SH", "penalty")).isEqualTo(1);
        assertThat(sequences.current("ZJ", "penalty")).hasValue(2);
    }

    @Test
    void concurrentSequenceAllocationHasNoGapsOrDuplicates() throws Exception {
        int perThread = 25;
        List<Callable<List<Long>>> tasks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            tasks.add(() -> {
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    mine.add(sequences.next("ZJ", "penalty"));
                }
                return mine;
            });
        }
        List<Long> all = runConcurrently(tasks).stream().flatMap(List::stream).sorted().toList();
        assertThat(all).isEqualTo(LongStream.rangeClosed(1, 8L * perThread).boxed().toList());
    }

    @Test
    void sequenceIsGivenBackWhenTheCallersTransactionRollsBack() {
        assertThat(sequences.next("ZJ", "penalty")).isEqualTo(1);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            assertThat(sequences.next("ZJ", "penalty")).isEqualTo(2);
            throw new IllegalStateException("storing the batch failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(sequences.next("ZJ", "penalty")).isEqualTo(2);
    }

    // ---------------------------------------------------------------- outbox

    @Test
    void enqueueMakesPendingDeliveriesDueInOrder() {
        outbox.enqueue("B1", List.of("SH", "REGION"), T0);
        outbox.enqueue("B2", List.of("SH"), T0);
        outbox.enqueue("B0", List.of("SH"), T0.plusSeconds(5));

        assertThat(outbox.due(T0.minusSeconds(1), 10)).isEmpty();
        assertThat(outbox.due(T0, 10)).extracting(d -> d.batchId() + ">" + d.peer())
                .containsExactly("B1>SH", "B1>REGION", "B2>SH");
        assertThat(outbox.due(T0.plusSeconds(5), 2)).extracting(d -> d.batchId() + ">" + d.peer())
                .containsExactly("B1>SH", "B1>REGION");
        Delivery d = outbox.forBatch("B1").get(1);
        assertThat(d).isEqualTo(new Delivery("B1", "SH", "PENDING", 0, T0, null, null, T0));

        outbox.enqueue("B1", List.of("SH"), T0.plusSeconds(100)); // idempotent: nothing reset
        assertThat(outbox.forBatch("B1")).extracting(Delivery::nextAttemptAt).containsOnly(T0);
        assertThat(outbox.countByState()).containsExactly(Map.entry("PENDING", 4L), Map.entry("DELIVERED", 0L),
                Map.entry("REFUSED", 0L), Map.entry("FAILED", 0L));
    }

    @Test
    void deliveryStateTransitions() {
        outbox.enqueue("B1", List.of("AH", "JS", "SH", "REGION"), T0);
        Instant t1 = T0.plusSeconds(1);

        outbox.markRetry("B1", "SH", "connection refused", T0.plusSeconds(30), t1);
        Delivery retried = delivery("B1", "SH");
        assertThat(retried.state()).isEqualTo("PENDING");
        assertThat(retried.attempts()).isEqualTo(1);
        assertThat(retried.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(retried.lastError()).isEqualTo("connection refused");
        assertThat(retried.updatedAt()).isEqualTo(t1);
        assertThat(outbox.due(t1, 10)).extracting(Delivery::peer).containsExactlyInAnyOrder("AH", "JS", "REGION");
        assertThat(outbox.due(T0.plusSeconds(30), 10)).extracting(Delivery::peer).last().isEqualTo("SH");

        outbox.markDelivered("B1", "SH", "{\"receipt\":\"ok\"}", T0.plusSeconds(31));
        Delivery delivered = delivery("B1", "SH");
        assertThat(delivered.state()).isEqualTo("DELIVERED");
        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(delivered.receiptJson()).isEqualTo("{\"receipt\":\"ok\"}");
        assertThat(delivered.lastError()).isNull();

        outbox.markRefused("B1", "JS", "BAD_SIGNATURE", "{\"receipt\":\"refused\"}", t1);
        assertThat(delivery("B1", "JS").state()).isEqualTo("REFUSED");
        assertThat(delivery("B1", "JS").receiptJson()).isEqualTo("{\"receipt\":\"refused\"}");
        outbox.markFailed("B1", "AH", "x".repeat(10_000), t1);
        assertThat(delivery("B1", "AH").state()).isEqualTo("FAILED");
        assertThat(delivery("B1", "AH").lastError()).hasSize(OutboxStore.MAX_ERROR);

        assertThat(outbox.due(T0.plusSeconds(3600), 10)).extracting(Delivery::peer).containsExactly("REGION");
        assertThat(outbox.countByState()).containsExactly(Map.entry("PENDING", 1L), Map.entry("DELIVERED", 1L),
                Map.entry("REFUSED", 1L), Map.entry("FAILED", 1L));

        // terminal states cannot be marked again; unknown deliveries are an error
        assertThatThrownBy(() -> outbox.markDelivered("B1", "SH", "{}", t1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DELIVERED");
        assertThatThrownBy(() -> outbox.markRetry("B1", "AH", "again", t1, t1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("FAILED");
        assertThatThrownBy(() -> outbox.markDelivered("B9", "SH", "{}", t1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no such delivery");

        outbox.requeue("B1", "AH", T0.plusSeconds(7200));
        assertThat(delivery("B1", "AH").state()).isEqualTo("PENDING");
        assertThat(delivery("B1", "AH").attempts()).isEqualTo(1);
        assertThatThrownBy(() -> outbox.requeue("B1", "SH", t1)).isInstanceOf(IllegalStateException.class);
    }

    // ---------------------------------------------------------------- audit

    @Test
    void auditAppendsAreSequentialAndReadable() {
        assertThat(audit.size()).isZero();
        for (int i = 0; i < 5; i++) {
            String entry = "{\"i\":" + i + "}";
            assertThat(audit.append(entry, sha256(entry), List.of("rec" + (i % 2)))).isEqualTo(i);
        }
        assertThat(audit.size()).isEqualTo(5);
        assertThat(audit.entry(3)).contains("{\"i\":3}");
        assertThat(audit.entry(5)).isEmpty();
        assertThat(audit.entries(1, 3)).containsExactly("{\"i\":1}", "{\"i\":2}");
        assertThat(audit.leafHashes(0, 5)).hasSize(5);
        assertThat(audit.leafHashes(2, 4).get(0)).isEqualTo(sha256("{\"i\":2}"));
        assertThat(audit.indexesFor("rec1")).containsExactly(1L, 3L);
        assertThat(audit.indexesFor("rec0")).containsExactly(0L, 2L, 4L);
    }

    @Test
    void concurrentAuditAppendsGetIndexesWithoutGaps() throws Exception {
        int perThread = 25;
        List<Callable<Map<Long, String>>> tasks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            tasks.add(() -> {
                Map<Long, String> mine = new java.util.HashMap<>();
                for (int i = 0; i < perThread; i++) {
                    String entry = "{\"t\":" + thread + ",\"i\":" + i + "}";
                    mine.put(audit.append(entry, sha256(entry)), entry);
                }
                return mine;
            });
        }
        Map<Long, String> byIndex = new java.util.TreeMap<>();
        runConcurrently(tasks).forEach(byIndex::putAll);
        long n = 8L * perThread;
        assertThat(byIndex.keySet()).containsExactlyElementsOf(LongStream.range(0, n).boxed().toList());
        assertThat(audit.size()).isEqualTo(n);
        List<byte[]> leaves = audit.leafHashes(0, n);
        for (long i = 0; i < n; i++) {
            assertThat(audit.entry(i)).contains(byIndex.get(i));
            assertThat(leaves.get((int) i)).isEqualTo(sha256(byIndex.get(i)));
        }
    }

    @Test
    void auditAppendRolledBackWithTheCallerLeavesNoGap() {
        audit.append("{\"a\":0}", sha256("a"));
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            assertThat(audit.append("{\"a\":1}", sha256("b"), List.of("r1"))).isEqualTo(1);
            throw new IllegalStateException("caller failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(audit.size()).isEqualTo(1);
        assertThat(audit.indexesFor("r1")).isEmpty();
        assertThat(audit.append("{\"a\":2}", sha256("c"))).isEqualTo(1);
        assertThat(audit.entry(1)).contains("{\"a\":2}");
    }

    @Test
    void checkpointsOnePerSizeAndLatest() {
        assertThat(checkpoints.latest()).isEmpty();
        checkpoints.save(3, "aa", "{\"size\":3}", "{\"sig\":1}");
        checkpoints.save(10, "bb", "{\"size\":10}", "{\"sig\":2}");
        Checkpoint again = checkpoints.save(3, "aa", "{\"size\":3,\"later\":true}", "{\"sig\":3}");

        assertThat(again.checkpointJson()).isEqualTo("{\"size\":3}"); // the first one stays
        assertThat(checkpoints.latest().orElseThrow().size()).isEqualTo(10);
        assertThat(checkpoints.atSize(3).orElseThrow().signatureJson()).isEqualTo("{\"sig\":1}");
        assertThat(checkpoints.atSize(4)).isEmpty();
        assertThatThrownBy(() -> checkpoints.save(3, "cc", "{}", "{}")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void peerCheckpointsPerOriginAndConflictsAreErrors() {
        assertThat(peerCheckpoints.latest("SH")).isEmpty();
        assertThat(peerCheckpoints.save("SH", 5, "aa", "{\"s\":5}")).isTrue();
        assertThat(peerCheckpoints.save("SH", 9, "bb", "{\"s\":9}")).isTrue();
        assertThat(peerCheckpoints.save("JS", 20, "cc", "{\"s\":20}")).isTrue();
        assertThat(peerCheckpoints.save("SH", 5, "aa", "{\"s\":5}")).isFalse();

        PeerCheckpoint sh = peerCheckpoints.latest("SH").orElseThrow();
        assertThat(sh.size()).isEqualTo(9);
        assertThat(sh.rootHex()).isEqualTo("bb");
        assertThat(sh.json()).isEqualTo("{\"s\":9}");
        assertThat(peerCheckpoints.latest("JS").orElseThrow().size()).isEqualTo(20);
        assertThatThrownBy(() -> peerCheckpoints.save("SH", 5, "ff", "{}")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SH");
    }

    // ---------------------------------------------------------------- helpers

    private Delivery delivery(String batchId, String peer) {
        return outbox.forBatch(batchId).stream().filter(d -> d.peer().equals(peer)).findFirst().orElseThrow();
    }

    static StoredRecord upsert(String id, String source, String dataset, String key, String uscc, String idNumber,
                               long seq) {
        return new StoredRecord(id, dataset, source, key, "UPSERT", uscc, idNumber, "名称 " + id,
                "{\"recordId\":\"" + id + "\",\"seq\":" + seq + "}", source + "-" + dataset + "-" + seq, seq,
                T0.plusSeconds(seq), true);
    }

    static StoredRecord withJson(StoredRecord r, String json) {
        return new StoredRecord(r.recordId(), r.dataset(), r.source(), r.sourceKey(), r.op(), r.subjectUscc(),
                r.subjectIdNumber(), r.subjectName(), json, r.batchId(), r.seq(), r.receivedAt(), r.active());
    }

    static BatchRow batch(String id, String direction, String source, String dataset, long seq, String json) {
        return new BatchRow(id, direction, source, dataset, seq, 1000, "ab".repeat(32), "SM2-SM3", T0,
                "IN".equals(direction) ? T0.plusSeconds(2) : null,
                HexFormat.of().formatHex(sha256(json)), json, "IN".equals(direction) ? "RECEIVED" : "CREATED");
    }

    /** A JSON-ish document of at least {@code size} chars, Chinese included (3 UTF-8 bytes each). */
    static String bigJson(int size) {
        StringBuilder sb = new StringBuilder(size + 200).append("{\"records\":[");
        for (int i = 0; sb.length() < size; i++) {
            sb.append("{\"i\":").append(i).append(",\"name\":\"浙江某某科技有限公司\"},");
        }
        return sb.append("{}]}").toString();
    }

    static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the tasks on their own threads, released together, and returns their results. */
    static <T> List<T> runConcurrently(List<? extends Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
