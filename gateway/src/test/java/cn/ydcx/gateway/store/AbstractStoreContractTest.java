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

    RecordVersionStore versions;
    BatchStore batches;
    RefusedBatchStore refused;
    ProgressStore progress;
    OutboxStore outbox;
    PeerLinkStore links;
    IngestRunStore runs;
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
        for (String table : List.of("record_version", "exchange_batch", "refused_batch", "source_progress",
                "outbox_delivery", "peer_link", "ingest_run", "camel_messageprocessed", "audit_entry", "audit_ref",
                "audit_checkpoint", "peer_checkpoint")) {
            jdbc.update("DELETE FROM " + table);
        }
        jdbc.update("UPDATE audit_head SET tree_size = 0");
        tx = new TransactionTemplate(new JdbcTransactionManager(ds));
        versions = new RecordVersionStore(ds);
        batches = new BatchStore(ds);
        refused = new RefusedBatchStore(ds);
        progress = new ProgressStore(ds);
        outbox = new OutboxStore(ds);
        links = new PeerLinkStore(ds);
        runs = new IngestRunStore(ds);
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
    void versionsAreKeptAndTheNewestIsCurrent() {
        BatchRow b1 = batches.insert(batch("B1", "IN", "ZJ", "penalty", 1));
        versions.insert(b1.batchRow(), "ZJ", "penalty", 1, List.of(version("r1", "UPSERT", USCC, "{\"v\":1}"),
                version("r2", "UPSERT", USCC, "{\"v\":2}")), true);
        assertThat(versions.makeCurrent(b1.batchRow())).isEqualTo(2);
        BatchRow b2 = batches.insert(batch("B2", "IN", "ZJ", "penalty", 2));
        versions.insert(b2.batchRow(), "ZJ", "penalty", 2, List.of(version("r1", "UPSERT", USCC, "{\"v\":11}"),
                version("r3", "UPSERT", USCC, "{\"v\":3}")), true);
        assertThat(versions.makeCurrent(b2.batchRow())).isEqualTo(1); // r3 is new, r1 changed

        List<StoredVersion> history = versions.history("r1");
        assertThat(history).extracting(StoredVersion::seq).containsExactly(1L, 2L);
        assertThat(history).extracting(StoredVersion::current).containsExactly(false, true);
        assertThat(history).extracting(StoredVersion::json).containsExactly("{\"v\":1}", "{\"v\":11}");
        assertThat(history.get(1).batchId()).isEqualTo("B2");
        assertThat(history.get(1).receivedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(versions.currentBySubjectKey(USCC)).extracting(StoredVersion::json)
                .containsExactly("{\"v\":11}", "{\"v\":2}", "{\"v\":3}");
        assertThat(versions.batchIdsOf("r1")).containsExactly("B1", "B2");
        assertThat(versions.history("nope")).isEmpty();
    }

    @Test
    void aRetractReplacesTheUpsertAndLeavesTheCurrentView() {
        BatchRow b1 = batches.insert(batch("B1", "IN", "ZJ", "penalty", 1));
        versions.insert(b1.batchRow(), "ZJ", "penalty", 1, List.of(version("r1", "UPSERT", USCC, "{}")), true);
        versions.makeCurrent(b1.batchRow());
        BatchRow b2 = batches.insert(batch("B2", "IN", "ZJ", "penalty", 2));
        versions.insert(b2.batchRow(), "ZJ", "penalty", 2, List.of(version("r1", "RETRACT", USCC, "{\"op\":\"RETRACT\"}")),
                true);
        assertThat(versions.makeCurrent(b2.batchRow())).isEqualTo(-1);
        List<StoredVersion> current = versions.currentBySubjectKey(USCC);
        assertThat(current).singleElement().satisfies(v -> assertThat(v.isRetract()).isTrue());
        assertThat(versions.history("r1")).hasSize(2); // nothing is deleted
    }

    @Test
    void heldVersionsBecomeCurrentOnlyWhenApplied() {
        BatchRow held = batches.insert(batch("B2", "IN", "ZJ", "penalty", 2, BatchState.HELD));
        versions.insert(held.batchRow(), "ZJ", "penalty", 2, List.of(version("r1", "UPSERT", USCC, "{}")), false);
        assertThat(versions.currentBySubjectKey(USCC)).isEmpty();
        assertThat(batches.held("ZJ", "penalty")).extracting(BatchRow::batchId).containsExactly("B2");
        assertThat(batches.allHeld()).hasSize(1);

        batches.markApplied(held.batchRow(), T0.plusSeconds(9));
        assertThat(versions.makeCurrent(held.batchRow())).isEqualTo(1);
        assertThat(versions.currentBySubjectKey(USCC)).hasSize(1);
        assertThat(batches.held("ZJ", "penalty")).isEmpty();
        assertThat(batches.find("B2").orElseThrow().appliedAt()).isEqualTo(T0.plusSeconds(9));
        assertThatThrownBy(() -> batches.markApplied(held.batchRow(), T0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void subjectsAreFoundByUsccOrByIdNumberWhateverTheIdType() {
        BatchRow b = batches.insert(batch("B1", "IN", "SH", "dishonesty", 1));
        versions.insert(b.batchRow(), "SH", "dishonesty", 1, List.of(
                version("r1", "UPSERT", ID_NUMBER + "|ID_CARD", "{\"n\":1}"),
                version("r2", "UPSERT", ID_NUMBER + "|PASSPORT", "{\"n\":2}"),
                version("r3", "UPSERT", ID_NUMBER + "0|ID_CARD", "{\"n\":3}"),
                version("r4", "UPSERT", USCC, "{\"n\":4}"),
                version("r5", "UPSERT", null, "{\"n\":5}")), true);
        versions.makeCurrent(b.batchRow());
        assertThat(versions.currentByIdNumber(ID_NUMBER)).extracting(StoredVersion::recordId)
                .containsExactly("r1", "r2");
        assertThat(versions.currentBySubjectKey(ID_NUMBER + "|PASSPORT")).extracting(StoredVersion::recordId)
                .containsExactly("r2");
        assertThat(versions.currentBySubjectKey(USCC)).extracting(StoredVersion::recordId).containsExactly("r4");
        assertThat(versions.currentBySubjectKey(ID_NUMBER)).isEmpty();
    }

    @Test
    void chineseTextRoundTripsUnchanged() {
        String json = "{\"subject\":{\"name\":\"" + CHINESE + "\"}}";
        BatchRow b = batches.insert(batch("B1", "OUT", "ZJ", "penalty", 1));
        versions.insert(b.batchRow(), "ZJ", "penalty", 1, List.of(version("r1", "UPSERT", USCC, json)), true);
        assertThat(versions.history("r1").get(0).json()).isEqualTo(json);
        audit.append("{\"e\":\"" + CHINESE + "\"}", sha256(CHINESE));
        assertThat(audit.entry(0)).contains("{\"e\":\"" + CHINESE + "\"}");
    }

    @Test
    void aBatchDocumentIsRebuiltByteForByteFromItsStoredParts() throws Exception {
        // header and signature as Jackson writes them (it escapes characters outside the BMP)
        String header = "{\"batchId\":\"B1\",\"source\":\"ZJ\",\"name\":\"杭州某某餐饮管理有限公司（分店）\"}";
        String signature = "{\"value\":\"AAEC\",\"certificates\":[\"AQID\"]}";
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            records.add("{\"i\":" + i + ",\"name\":\"浙江某某科技有限公司\"}");
        }
        String document = "{\"header\":" + header + ",\"records\":[" + String.join(",", records) + "],\"signature\":"
                + signature + "}";
        BatchRow b = batches.insert(new BatchRow(0, "OUT", "B1", "ZJ", "penalty", 1, records.size(), "ab".repeat(32),
                "SM2-SM3", T0, T0, "cd".repeat(32), header, signature, BatchState.APPLIED, T0, null, null, null));
        List<NewVersion> rows = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            rows.add(version("r" + i, "UPSERT", USCC, records.get(i)));
        }
        versions.insert(b.batchRow(), "ZJ", "penalty", 1, rows, true);
        byte[] rebuilt = new BatchDocuments(versions).bytes(batches.find("B1").orElseThrow());
        assertThat(new String(rebuilt, StandardCharsets.UTF_8)).isEqualTo(document);
        // and it is what the wire writer makes of the same document
        assertThat(rebuilt).isEqualTo(cn.ydcx.gateway.batch.BatchWire.toBytes(
                cn.ydcx.gateway.model.Json.mapper().readTree(document)));
    }

    // ---------------------------------------------------------------- batches

    @Test
    void duplicateBatchIdSeqOrChunkIsADuplicateKeyException() {
        batches.insert(batch("B1", "IN", "ZJ", "penalty", 1));
        assertThatThrownBy(() -> batches.insert(batch("B1", "IN", "ZJ", "penalty", 2)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> batches.insert(batch("B2", "IN", "ZJ", "penalty", 1)))
                .isInstanceOf(DuplicateKeyException.class);
        batches.insert(batch("B3", "IN", "ZJ", "license", 1));
        batches.insert(batch("B4", "IN", "SH", "penalty", 1));
        BatchRow chunk = new BatchRow(0, "OUT", "B5", "JS", "penalty", 1, 1, "ab", "SM2-SM3", T0, T0, "cd", "{}", "{}",
                BatchState.APPLIED, T0, null, 7L, 0);
        batches.insert(chunk);
        assertThatThrownBy(() -> batches.insert(new BatchRow(0, "OUT", "B6", "JS", "penalty", 2, 1, "ab", "SM2-SM3",
                T0, T0, "cd", "{}", "{}", BatchState.APPLIED, T0, null, 7L, 0))).isInstanceOf(DuplicateKeyException.class);
        assertThat(batches.findChunk(7, 0)).map(BatchRow::batchId).contains("B5");
        assertThat(batches.ofIngestRun(7)).hasSize(1);
        assertThat(batches.list("IN", 10)).extracting(BatchRow::batchId).containsExactly("B4", "B3", "B1");
        assertThatThrownBy(() -> batches.insert(batch("B9", "SIDEWAYS", "ZJ", "penalty", 9)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSourceServesItsOwnBatchesInSeqOrder() {
        for (int seq = 1; seq <= 5; seq++) {
            batches.insert(batch("Z" + seq, "OUT", "ZJ", "penalty", seq));
        }
        batches.insert(batch("S1", "IN", "SH", "penalty", 1));
        assertThat(batches.outFrom("ZJ", "penalty", 2, 3)).extracting(BatchRow::seq).containsExactly(2L, 3L, 4L);
        assertThat(batches.outFrom("SH", "penalty", 1, 3)).isEmpty();
        assertThat(batches.findBySeq("ZJ", "penalty", 5)).map(BatchRow::batchId).contains("Z5");
    }

    // ---------------------------------------------------------------- progress

    @Test
    void progressAdvancesOneSeqAtATime() {
        tx.executeWithoutResult(s -> {
            assertThat(progress.lock("ZJ", "penalty").lastSeq()).isZero();
            progress.advance("ZJ", "penalty", 1, T0, 10);
        });
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> progress.advance("ZJ", "penalty", 3, T0, 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("seq 3");
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            progress.advance("ZJ", "penalty", 2, T0, 1);
            throw new IllegalStateException("apply failed");
        })).hasMessage("apply failed");
        SourceProgress p = progress.find("ZJ", "penalty").orElseThrow();
        assertThat(p.lastSeq()).isEqualTo(1);
        assertThat(p.activeRecords()).isEqualTo(10);
        assertThat(p.lastAppliedAt()).isEqualTo(T0);
        assertThat(progress.all()).hasSize(1);
    }

    @Test
    void concurrentAppliesOfOneSourceQueueOnItsLockWithoutGaps() throws Exception {
        int perThread = 10;
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            tasks.add(() -> {
                for (int i = 0; i < perThread; i++) {
                    tx.executeWithoutResult(s -> {
                        long next = progress.lock("ZJ", "penalty").lastSeq() + 1;
                        progress.advance("ZJ", "penalty", next, T0, 1);
                    });
                }
                return perThread;
            });
        }
        runConcurrently(tasks);
        SourceProgress p = progress.find("ZJ", "penalty").orElseThrow();
        assertThat(p.lastSeq()).isEqualTo(6L * perThread);
        assertThat(p.activeRecords()).isEqualTo(6L * perThread);
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

    // ---------------------------------------------------------------- outbox

    @Test
    void aPeersDeliveriesComeOutInTheOrderTheyWereQueued() {
        outbox.enqueue("B1", List.of("SH", "REGION"), T0);
        outbox.enqueue("B2", List.of("SH"), T0);
        assertThat(outbox.head("SH")).map(Delivery::batchId).contains("B1");
        assertThat(outbox.head("REGION")).map(Delivery::batchId).contains("B1");
        assertThat(outbox.head("JS")).isEmpty();
        outbox.markDelivered("B1", "SH", "{}", T0);
        assertThat(outbox.head("SH")).map(Delivery::batchId).contains("B2");

        Delivery d = outbox.find("B2", "SH").orElseThrow();
        assertThat(d.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(d.attempts()).isZero();
        assertThat(d.nextAttemptAt()).isEqualTo(T0);
        outbox.enqueue("B2", List.of("SH"), T0.plusSeconds(100)); // idempotent: nothing reset
        assertThat(outbox.find("B2", "SH").orElseThrow().nextAttemptAt()).isEqualTo(T0);
        assertThat(outbox.countByState()).containsEntry(DeliveryState.PENDING, 2L)
                .containsEntry(DeliveryState.DELIVERED, 1L).containsEntry(DeliveryState.RETRYING, 0L)
                .containsEntry(DeliveryState.REFUSED, 0L);
        assertThat(outbox.backlog()).extracting(b -> b.peer() + "=" + b.pending()).containsExactly("REGION=1", "SH=1");
    }

    @Test
    void deliveryStateTransitions() {
        outbox.enqueue("B1", List.of("AH", "JS", "SH"), T0);
        Instant t1 = T0.plusSeconds(1);
        outbox.markRetrying("B1", "SH", "cannot connect", T0.plusSeconds(30), t1);
        outbox.markRetrying("B1", "SH", "timed out", T0.plusSeconds(90), T0.plusSeconds(30));
        Delivery retrying = outbox.find("B1", "SH").orElseThrow();
        assertThat(retrying.state()).isEqualTo(DeliveryState.RETRYING);
        assertThat(retrying.attempts()).isEqualTo(2);
        assertThat(retrying.retryingSince()).isEqualTo(t1); // since the first failure of the run
        assertThat(retrying.nextAttemptAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(retrying.lastError()).isEqualTo("timed out");

        outbox.markDelivered("B1", "SH", "{\"receipt\":\"ok\"}", T0.plusSeconds(91));
        Delivery delivered = outbox.find("B1", "SH").orElseThrow();
        assertThat(delivered.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(3);
        assertThat(delivered.retryingSince()).isNull();
        assertThat(delivered.receiptJson()).isEqualTo("{\"receipt\":\"ok\"}");

        outbox.markRefused("B1", "JS", "BAD_SIGNATURE " + "x".repeat(10_000), "{\"receipt\":\"refused\"}", t1);
        assertThat(outbox.find("B1", "JS").orElseThrow().state()).isEqualTo(DeliveryState.REFUSED);
        assertThat(outbox.find("B1", "JS").orElseThrow().lastError()).hasSize(OutboxStore.MAX_ERROR);

        // a settled delivery is not marked again; unknown ones are an error
        assertThatThrownBy(() -> outbox.markDelivered("B1", "SH", "{}", t1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DELIVERED");
        assertThatThrownBy(() -> outbox.markRetrying("B1", "JS", "again", t1, t1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("REFUSED");
        assertThatThrownBy(() -> outbox.markDelivered("B9", "SH", "{}", t1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no such delivery");

        // an operator sends the refused one again; a delivered one cannot be
        assertThat(outbox.resend("B1", "JS", T0.plusSeconds(200))).isEqualTo(DeliveryState.REFUSED);
        Delivery again = outbox.find("B1", "JS").orElseThrow();
        assertThat(again.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(again.nextAttemptAt()).isEqualTo(T0.plusSeconds(200));
        assertThat(again.attempts()).isEqualTo(1);
        assertThatThrownBy(() -> outbox.resend("B1", "SH", t1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DELIVERED");
        assertThatThrownBy(() -> outbox.resend("B1", "XX", t1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(outbox.list(DeliveryState.PENDING, null, null, 10)).extracting(Delivery::peer)
                .containsExactlyInAnyOrder("AH", "JS");
        assertThat(outbox.list(null, "SH", "B1", 10)).hasSize(1);
    }

    @Test
    void onlyOneOwnerHoldsAPeersLeaseUntilItRunsOut() {
        assertThat(links.claim("JS", "a", T0, T0.plusSeconds(60))).isTrue();
        assertThat(links.claim("JS", "b", T0.plusSeconds(10), T0.plusSeconds(70))).isFalse();
        assertThat(links.claim("JS", "a", T0.plusSeconds(10), T0.plusSeconds(70))).isTrue(); // renewed
        assertThat(links.claim("JS", "b", T0.plusSeconds(71), T0.plusSeconds(130))).isTrue(); // a's ran out
        links.release("JS", "b");
        assertThat(links.claim("JS", "a", T0.plusSeconds(72), T0.plusSeconds(130))).isTrue();
    }

    @Test
    void aFileHasOneRunWhateverHowOftenItIsPosted() {
        IngestRun run = runs.begin("penalty", "increment", "ab".repeat(32), 10_000, T0);
        assertThat(runs.begin("penalty", "increment", "ab".repeat(32), 500, T0.plusSeconds(5))).isEqualTo(run);
        assertThat(run.batchSize()).isEqualTo(10_000);
        assertThat(runs.running()).containsExactly(run);
        runs.finish(run.runId(), 10, 8, 2, T0.plusSeconds(9));
        IngestRun done = runs.find(run.runId()).orElseThrow();
        assertThat(done.done()).isTrue();
        assertThat(done.accepted()).isEqualTo(8);
        assertThat(runs.running()).isEmpty();
        IngestRun other = runs.begin("license", "increment", "ab".repeat(32), 10_000, T0);
        assertThat(other.runId()).isNotEqualTo(run.runId());
        runs.abandon(other.runId());
        assertThat(runs.find(other.runId())).isEmpty();
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

    static NewVersion version(String recordId, String op, String subjectKey, String json) {
        return NewVersion.of(recordId, op, subjectKey, json.getBytes(StandardCharsets.UTF_8));
    }

    static BatchRow batch(String id, String direction, String source, String dataset, long seq) {
        return batch(id, direction, source, dataset, seq, BatchState.APPLIED);
    }

    static BatchRow batch(String id, String direction, String source, String dataset, long seq, BatchState state) {
        return new BatchRow(0, direction, id, source, dataset, seq, 1000, "ab".repeat(32), "SM2-SM3", T0,
                T0.plusSeconds(seq), "cd".repeat(32), "{\"batchId\":\"" + id + "\"}", "{}", state,
                state == BatchState.APPLIED ? T0.plusSeconds(seq) : null, "IN".equals(direction) ? "ZJ" : null, null,
                null);
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
