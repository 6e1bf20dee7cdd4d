package cn.ydcx.gateway.benchmarks;

import cn.ydcx.gateway.batch.BatchSigner;
import cn.ydcx.gateway.crypto.NodeCredentials;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.jcs.Jcs;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.NodeCode;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 4: signatures/s and verifications/s of each suite over a typical JCS(header), the
 * bytes a batch signature covers (about 250 bytes). The header comes from a real signed batch;
 * its JCS bytes and one signature are prepared in setup, so only the signature primitive
 * (Suite.sign / Suite.verify as the gateway calls them) is measured.
 */
// fixed heap: GC sizing must not differ between the measured method and its baseline
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class SignatureBenchmark {

    @Param({"SM2-SM3", "ES256"})
    public String suite;

    private Suite s;
    private PrivateKey privateKey;
    private PublicKey publicKey;
    private byte[] headerJcs;
    private byte[] signature;

    @Setup(Level.Trial)
    public void setUp() {
        s = Suite.of(suite);
        NodeCredentials creds = Fixtures.pki().credentials(s, "ZJ");
        privateKey = creds.privateKey();
        publicKey = creds.chain().get(0).getPublicKey();
        JsonNode header = new BatchSigner(creds).sign("ZJ-penalty-000007", NodeCode.ZJ, Dataset.PENALTY, 7,
                Instant.parse("2026-11-27T10:00:00Z"), Fixtures.zjPenaltyRecords(100)).get("header");
        headerJcs = Jcs.canonicalize(header);
        signature = s.sign(privateKey, headerJcs);
        if (!s.verify(publicKey, headerJcs, signature)) {
            throw new IllegalStateException(suite + ": setup signature does not verify");
        }
        System.out.printf("%n[setup] %s: JCS(header) %d bytes%n", suite, headerJcs.length);
    }

    @Benchmark
    public byte[] sign() {
        return s.sign(privateKey, headerJcs);
    }

    @Benchmark
    public boolean verify() {
        return s.verify(publicKey, headerJcs, signature);
    }
}
