package cn.ydcx.gateway.cli;

import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.RevocationReason;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.pki.CrlPublisher;
import cn.ydcx.gateway.pki.PkiGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pki init|issue|revoke|crl}: the SAMPLE regional PKI's lifecycle — generate it, issue a
 * rotated certificate, revoke a certificate, re-sign the CRL. Exit 0 done, 2 usage or I/O error.
 */
@Command(name = "pki", mixinStandardHelpOptions = true, description = "Sample PKI tools.",
        subcommands = {PkiCommand.Init.class, PkiCommand.Issue.class, PkiCommand.Revoke.class, PkiCommand.Crl.class})
public class PkiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Generate the SAMPLE PKI (root CA, node, auditor and office certificates) for both suites.")
    static class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, description = "output directory (sm2/ and es256/ are created)")
        Path out;

        @Option(names = "--years", defaultValue = "10", description = "validity in years from now (default 10)")
        int years;

        @Override
        public Integer call() {
            if (years <= 0) {
                spec.commandLine().getErr().println("pki init: --years must be positive");
                return 2;
            }
            // start a day back so clocks slightly behind still accept fresh certificates
            Instant notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1));
            try {
                new PkiGenerator().generate(out, notBefore, Duration.ofDays(365L * years + years / 4 + 1));
            } catch (IOException e) {
                spec.commandLine().getErr().println("pki init: cannot write " + out + ": " + e.getMessage());
                return 2;
            }
            spec.commandLine().getErr().println("pki init: wrote SAMPLE PKI for SM2-SM3 and ES256 to " + out);
            return 0;
        }
    }

    /** A missing file's exception message is only its path: say so. */
    static String message(Exception e) {
        Throwable t = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
        return t instanceof java.nio.file.NoSuchFileException ? "no such file: " + t.getMessage() : e.getMessage();
    }

    /** Which suites a command acts on: one, or both by default. */
    static List<Suite> suites(String suite) {
        return suite == null ? List.of(Suite.values()) : List.of(Suite.of(suite));
    }

    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = "Issue a new key and certificate for NAME from the existing root (key rotation): "
                    + "<suite>/<OUT-NAME>.crt.pem and .key.pem.")
    static class Issue implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--name", required = true, description = "entity: a node code, auditor or office-<NODE>")
        String name;

        @Option(names = "--out-name", description = "file name stem of the new files (default: <NAME>.next)")
        String outName;

        @Option(names = "--certs", defaultValue = "certs-sample", description = "PKI directory (default: certs-sample)")
        Path certs;

        @Option(names = "--suite", description = "SM2-SM3 or ES256 (default: both)")
        String suite;

        @Option(names = "--years", defaultValue = "10", description = "validity in years, capped at the root's")
        int years;

        @Override
        public Integer call() {
            String out = outName == null ? name + ".next" : outName;
            Instant notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));
            try {
                for (Suite s : suites(suite)) {
                    X509Certificate cert = new PkiGenerator().issue(certs, s, name, out, notBefore,
                            Duration.ofDays(365L * years));
                    spec.commandLine().getOut().println(s + " " + out + ": CN=" + name + " serial "
                            + cert.getSerialNumber().toString(16) + " valid until " + cert.getNotAfter().toInstant());
                }
            } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
                spec.commandLine().getErr().println("pki issue: " + message(e));
                return 2;
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Add NAME's certificate to the root's CRL (<suite>/root.crl.pem), re-signed with the root key.")
    static class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--name", required = true, description = "file stem of the certificate, e.g. ZJ or ZJ.next")
        String name;

        @Option(names = "--certs", defaultValue = "certs-sample", description = "PKI directory (default: certs-sample)")
        Path certs;

        @Option(names = "--suite", description = "SM2-SM3 or ES256 (default: both)")
        String suite;

        @Option(names = "--reason", defaultValue = "unspecified",
                description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); superseded, affiliationChanged "
                        + "and cessationOfOperation keep signatures made before now valid")
        RevocationReason reason;

        @Override
        public Integer call() {
            try {
                for (Suite s : suites(suite)) {
                    CrlPublisher.Published p = new CrlPublisher(certs).revoke(s, name, reason, Instant.now());
                    spec.commandLine().getOut().println(s + ": " + name + (p.added() ? " revoked (" + reason + ")"
                            : " was already revoked") + ", CRL number " + p.crlNumber() + ", " + p.entries()
                            + " entr" + (p.entries() == 1 ? "y" : "ies"));
                }
            } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
                spec.commandLine().getErr().println("pki revoke: " + message(e));
                return 2;
            }
            return 0;
        }
    }

    @Command(name = "crl", mixinStandardHelpOptions = true,
            description = "Re-sign the CRL (same entries, new nextUpdate), or create an empty one where missing.")
    static class Crl implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--certs", defaultValue = "certs-sample", description = "PKI directory (default: certs-sample)")
        Path certs;

        @Option(names = "--suite", description = "SM2-SM3 or ES256 (default: both)")
        String suite;

        @Option(names = "--days", description = "days until nextUpdate (default: until the root expires)")
        Integer days;

        @Override
        public Integer call() {
            try {
                PkiLayout layout = PkiLayout.at(certs);
                for (Suite s : suites(suite)) {
                    Instant next = days == null ? layout.rootCertificate(s).getNotAfter().toInstant()
                            : Instant.now().plus(Duration.ofDays(days));
                    CrlPublisher.Published p = new CrlPublisher(certs).renew(s, next);
                    spec.commandLine().getOut().println(s + ": CRL number " + p.crlNumber() + ", " + p.entries()
                            + " revoked, next update " + next);
                }
            } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
                spec.commandLine().getErr().println("pki crl: " + message(e));
                return 2;
            }
            return 0;
        }
    }
}
