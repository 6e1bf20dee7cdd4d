package cn.ydcx.gateway.cli;

import cn.ydcx.gateway.pki.PkiGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pki init --out DIR}: (re)generate the SAMPLE regional PKI. */
@Command(name = "pki", mixinStandardHelpOptions = true, description = "Sample PKI tools.",
        subcommands = PkiCommand.Init.class)
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
}
