package cn.ydcx.gateway.cli;

import cn.ydcx.gateway.auditor.AuditCheck;
import cn.ydcx.gateway.auditor.AuditorClient;
import cn.ydcx.gateway.auditor.LogVerifier;
import cn.ydcx.gateway.client.TlsClient;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.crypto.TrustedRoots;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.node.NodeLauncher;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code audit verify} and {@code audit trace}: an auditor's standalone checks of the nodes' logs. */
@Command(name = "audit", description = "Verify nodes' audit logs and trace a record through them.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Trace.class})
public class AuditCommand implements Runnable {

    @Override
    public void run() {
        System.err.println("use 'audit verify' or 'audit trace --record ID'");
    }

    /** Options shared by both: which nodes, where, and the auditor identity. */
    static class Target {
        @Option(names = "--node", description = "node(s) to check (default: all five)", split = ",")
        List<String> nodes = new ArrayList<>();

        @Option(names = "--url", description = "node URL, CODE=https://host:port (default: loopback default ports)")
        Map<String, String> urls = new LinkedHashMap<>();

        @Option(names = "--certs", description = "PKI directory (trusted roots and the auditor's key)")
        String certs;

        @Option(names = "--identity", defaultValue = "auditor", description = "client certificate name (default ${DEFAULT-VALUE})")
        String identity;

        Map<String, AuditorClient> clients() {
            PkiLayout pki = PkiLayout.resolve(certs == null ? NodeLauncher.defaultCertsLocation() : certs);
            TlsClient tls = new TlsClient(pki, identity);
            Map<String, AuditorClient> out = new LinkedHashMap<>();
            List<String> codes = nodes.isEmpty()
                    ? java.util.Arrays.stream(NodeCode.values()).map(Enum::name).toList() : nodes;
            for (String code : codes) {
                NodeCode n = NodeCode.of(code);
                String url = urls.getOrDefault(n.name(), "https://127.0.0.1:" + n.defaultPort());
                out.put(n.name(), new AuditorClient(tls, url));
            }
            return out;
        }

        LogVerifier verifier() {
            PkiLayout pki = PkiLayout.resolve(certs == null ? NodeLauncher.defaultCertsLocation() : certs);
            return new LogVerifier(TrustedRoots.of(pki.rootCertificate(Suite.SM2_SM3), pki.rootCertificate(Suite.ES256)));
        }
    }

    @Command(name = "verify", description = "Check every entry and every signed checkpoint of each node's log.")
    static class Verify implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Target target = new Target();

        @Override
        public Integer call() throws Exception {
            PrintStream out = System.out;
            LogVerifier verifier = target.verifier();
            int failed = 0;
            for (var e : target.clients().entrySet()) {
                AuditorClient c = e.getValue();
                try {
                    LogVerifier.LogReport r = verifier.log(e.getKey(), c.checkpoint(), c.checkpoints(), c::entries);
                    out.printf("%-6s VALID  %d entries, %d signed checkpoints verified, %s root %s%n", e.getKey(),
                            r.size(), r.checkpointsVerified(), r.suite().wireName(), r.rootHash());
                } catch (AuditCheck bad) {
                    failed++;
                    out.printf("%-6s INVALID %s%n", e.getKey(), bad.getMessage());
                }
            }
            return failed == 0 ? 0 : 1;
        }
    }

    @Command(name = "trace", description = "Follow one record through every node's log, checking every proof.")
    static class Trace implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Target target = new Target();

        @Option(names = "--record", required = true, description = "recordId (32 hex)")
        String recordId;

        @Override
        public Integer call() throws Exception {
            PrintStream out = System.out;
            LogVerifier verifier = target.verifier();
            int failed = 0;
            int steps = 0;
            for (var e : target.clients().entrySet()) {
                try {
                    List<LogVerifier.TraceStep> trace = verifier.trace(e.getKey(), recordId, e.getValue().trace(recordId));
                    for (LogVerifier.TraceStep s : trace) {
                        out.printf("%-6s #%-5d %-15s %s %s%s%n", e.getKey(), s.index(), s.type(), s.at(),
                                s.batchId() == null ? "" : "batch " + s.batchId(),
                                s.recordInBatch() ? "  [record ∈ batch ✔, entry ∈ log ✔]" : "  [entry ∈ log ✔]");
                    }
                    steps += trace.size();
                } catch (AuditCheck bad) {
                    failed++;
                    out.printf("%-6s INVALID %s%n", e.getKey(), bad.getMessage());
                }
            }
            out.printf("%d entries about %s, %s%n", steps, recordId, failed == 0 ? "every proof verified" : failed + " node(s) failed");
            return failed == 0 && steps > 0 ? 0 : 1;
        }
    }
}
