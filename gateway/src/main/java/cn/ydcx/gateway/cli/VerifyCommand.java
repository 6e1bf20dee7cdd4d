package cn.ydcx.gateway.cli;

import cn.ydcx.gateway.batch.BatchVerification;
import cn.ydcx.gateway.batch.BatchVerifier;
import cn.ydcx.gateway.crypto.Pem;
import cn.ydcx.gateway.crypto.TrustedRoots;
import cn.ydcx.gateway.model.Json;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verify}: prints {@code VALID} (exit 0) or {@code INVALID <PROBLEM>: <detail>}
 * (exit 1) on stdout; unreadable files are exit 2 with one line on stderr.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify a signed batch against trusted root certificate(s).")
public class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, description = "batch JSON")
    Path in;

    @Option(names = "--trust", required = true, description = "trusted root certificate(s), PEM; repeatable")
    List<Path> trust;

    @Override
    public Integer call() {
        List<X509Certificate> roots = new ArrayList<>();
        for (Path t : trust) {
            try {
                roots.addAll(Pem.readCertificates(t));
            } catch (IOException e) {
                return error("cannot read trusted roots from " + t + ": " + e.getMessage());
            }
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(in);
        } catch (IOException e) {
            return error("cannot read " + in + ": " + e);
        }
        BatchVerification result;
        try {
            // duplicate member names would make "the signed content" ambiguous: refuse them
            JsonNode batch = Json.mapper().reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .readTree(bytes);
            result = new BatchVerifier(new TrustedRoots(roots)).verify(batch);
        } catch (JsonProcessingException e) {
            result = BatchVerification.invalid(cn.ydcx.gateway.batch.BatchProblem.MALFORMED,
                    "not a JSON document: " + e.getOriginalMessage());
        } catch (IOException e) {
            return error("cannot read " + in + ": " + e.getMessage());
        }
        if (result.valid()) {
            spec.commandLine().getOut().println("VALID");
            spec.commandLine().getOut().flush();
            return 0;
        }
        spec.commandLine().getOut().println("INVALID " + result.problem() + ": " + result.detail());
        spec.commandLine().getOut().flush();
        return 1;
    }

    private int error(String message) {
        spec.commandLine().getErr().println("verify: " + message);
        return 2;
    }
}
