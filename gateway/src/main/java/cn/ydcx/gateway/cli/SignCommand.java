package cn.ydcx.gateway.cli;

import cn.ydcx.gateway.batch.BatchSigner;
import cn.ydcx.gateway.crypto.NodeCredentials;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.model.NodeCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sign}: canonical records (JSON Lines) → a signed SPEC §4 batch, with the node's
 * key from the PKI directory. Exit 0 ok, 1 records not signable (wrong source, dataset or
 * recordId), 2 usage or I/O error.
 */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = "Sign canonical records (one JSON object per line) into a batch document.")
public class SignCommand implements Callable<Integer> {
    static final String DEFAULT_CERTS = "certs-sample";

    @Spec
    CommandSpec spec;

    @Option(names = "--node", required = true, description = "signing node: REGION, SH, JS, ZJ, AH")
    String node;

    @Option(names = "--dataset", required = true, description = "license, penalty, dishonesty or report")
    String dataset;

    @Option(names = "--seq", required = true, description = "batch sequence number for (node, dataset)")
    long seq;

    @Option(names = "--in", required = true, description = "canonical records, JSON Lines")
    Path in;

    @Option(names = "--out", required = true, description = "batch JSON to write")
    Path out;

    @Option(names = "--suite", defaultValue = "SM2-SM3", description = "SM2-SM3 (default) or ES256")
    String suite;

    @Option(names = "--certs", description = "PKI directory (default: ./certs-sample, else classpath:certs-sample)")
    String certs;

    @Option(names = "--batch-id", description = "batch id (default: a random UUID)")
    String batchId;

    @Override
    public Integer call() throws IOException {
        NodeCode nodeCode;
        Dataset ds;
        Suite s;
        try {
            nodeCode = NodeCode.of(node);
            ds = Dataset.of(dataset);
            s = Suite.of(suite);
        } catch (IllegalArgumentException e) {
            return fail(2, e.getMessage());
        }
        if (seq < 0) {
            return fail(2, "--seq must not be negative");
        }
        List<JsonNode> records;
        try {
            records = readJsonLines(in);
        } catch (IOException e) {
            return fail(2, "cannot read " + in + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return fail(1, e.getMessage());
        }
        NodeCredentials creds;
        try {
            creds = pki(certs).credentials(s, nodeCode.name());
        } catch (UncheckedIOException e) {
            return fail(2, "cannot load " + nodeCode + " " + s + " credentials: " + e.getMessage());
        }
        ObjectNode batch;
        try {
            batch = new BatchSigner(creds).sign(batchId != null ? batchId : UUID.randomUUID().toString(),
                    nodeCode, ds, seq, Instant.now(), records);
        } catch (IllegalArgumentException e) {
            return fail(1, in + ": " + e.getMessage());
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(batch) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return fail(2, "cannot write " + out + ": " + e.getMessage());
        }
        spec.commandLine().getErr().printf("signed %d %s records of %s as batch %s (seq %d, %s) -> %s%n",
                records.size(), ds, nodeCode, batch.path("header").path("batchId").asText(), seq, s, out);
        return 0;
    }

    /** The PKI at {@code location}, or ./certs-sample when it exists, else the copy in the jar. */
    static PkiLayout pki(String location) {
        if (location != null) {
            return PkiLayout.resolve(location);
        }
        return Files.isDirectory(Path.of(DEFAULT_CERTS)) ? PkiLayout.at(Path.of(DEFAULT_CERTS))
                : PkiLayout.resolve("classpath:" + DEFAULT_CERTS);
    }

    /** One JSON object per non-blank line; IllegalArgumentException names the bad line. */
    static List<JsonNode> readJsonLines(Path file) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (no == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n;
                try {
                    n = Json.mapper().readTree(line);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(file + " line " + no + ": not JSON ("
                            + e.getOriginalMessage() + ")");
                }
                if (n == null || !n.isObject()) {
                    throw new IllegalArgumentException(file + " line " + no + ": not a JSON object");
                }
                records.add(n);
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not valid UTF-8");
        }
        return records;
    }

    private int fail(int code, String message) {
        spec.commandLine().getErr().println("sign: " + message);
        return code;
    }
}
