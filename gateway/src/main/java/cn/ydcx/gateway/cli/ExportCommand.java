package cn.ydcx.gateway.cli;

import cn.ydcx.gateway.mapping.ExportProblem;
import cn.ydcx.gateway.mapping.ExportSummary;
import cn.ydcx.gateway.mapping.Exporter;
import cn.ydcx.gateway.mapping.MappingException;
import cn.ydcx.gateway.mapping.UnreadableFileException;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.NodeCode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code export}: canonical records (JSON Lines) → node N's native file, the inverse of normalize.
 * All or nothing: the file is written to a temporary file and moved into place only when every
 * record could be written. Exit 0: written (a warning line per canonical field the node's format
 * cannot carry, with the number of records that lost it); 1: some records cannot be expressed in
 * the node's format, one line each (first {@value Exporter#MAX_PROBLEMS}), nothing written; 2:
 * the input cannot be read, or a usage error.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write canonical records (JSON Lines) as a node's native file.")
public class ExportCommand implements Callable<Integer> {
    static final int EXIT_NOT_EXPRESSIBLE = 1;
    static final int EXIT_UNREADABLE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--node", required = true, description = "target node: SH, JS, ZJ or AH")
    String node;

    @Option(names = "--dataset", required = true, description = "license, penalty, dishonesty or report")
    String dataset;

    @Option(names = "--in", required = true, description = "canonical records, one JSON object per line")
    Path in;

    @Option(names = "--out", required = true, description = "native output file")
    Path out;

    @Option(names = "--mappings", description = "mapping directory (default: ./mappings if present, else the built-in copy)")
    Path mappings;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String label = "export " + node + "/" + dataset;
        try {
            NodeCode n = NodeCode.of(node);
            Dataset d = Dataset.of(dataset);
            Exporter exporter = new Exporter(PartFiles.mappings(mappings));
            ExportSummary s = run(exporter, n, d);
            for (Map.Entry<String, Long> e : s.dropped().entrySet()) {
                err.println("warning: " + label + ": " + n + " " + d.code() + " files have no field for " + e.getKey()
                        + ": dropped from " + e.getValue() + " of " + s.records() + " records");
            }
            if (!s.complete()) {
                for (ExportProblem p : s.problems()) {
                    err.println("error: " + label + ": " + p);
                }
                err.println("error: " + label + ": " + s.failed() + " of " + s.records()
                        + " records cannot be written in " + n + "'s format; nothing written to " + out);
                err.flush();
                return EXIT_NOT_EXPRESSIBLE;
            }
            err.println(label + ": " + s.written() + " records written to " + out);
            err.flush();
            return 0;
        } catch (UnreadableFileException | MappingException | IllegalArgumentException | IOException
                 | UncheckedIOException e) {
            PartFiles.reportFailure(err, label, in, e);
            return EXIT_UNREADABLE;
        }
    }

    private ExportSummary run(Exporter exporter, NodeCode n, Dataset d) throws IOException {
        Path tmp = PartFiles.tempNextTo(out);
        boolean keep = false;
        try {
            ExportSummary s;
            try (InputStream input = Files.newInputStream(in);
                 CanonicalRecordLines records = new CanonicalRecordLines(input);
                 OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 64 * 1024)) {
                s = exporter.export(n, d, records, os);
            }
            if (s.complete()) {
                PartFiles.moveIntoPlace(tmp, out);
                keep = true;
            }
            return s;
        } finally {
            if (!keep) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
