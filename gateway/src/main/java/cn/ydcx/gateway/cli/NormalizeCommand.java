package cn.ydcx.gateway.cli;

import cn.ydcx.gateway.mapping.MappingException;
import cn.ydcx.gateway.mapping.NormalizeSummary;
import cn.ydcx.gateway.mapping.Normalizer;
import cn.ydcx.gateway.mapping.UnreadableFileException;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.NodeCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code normalize} (SPEC §6): native file → canonical records + rejects, both JSON Lines.
 * Output is written to temporary files next to the targets and moved into place only when the
 * whole input was read, so a failed run never leaves a partial file that looks like a result.
 */
@Command(name = "normalize", mixinStandardHelpOptions = true,
        description = "Normalise a node's native file into canonical records (JSON Lines) and rejects.")
public class NormalizeCommand implements Callable<Integer> {
    static final int EXIT_UNREADABLE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--node", required = true, description = "source node: SH, JS, ZJ or AH")
    String node;

    @Option(names = "--dataset", required = true, description = "license, penalty, dishonesty or report")
    String dataset;

    @Option(names = "--in", required = true, description = "native input file")
    Path in;

    @Option(names = "--out", required = true, description = "canonical records, one JSON object per line")
    Path out;

    @Option(names = "--rejects", required = true, description = "rejected rows, one JSON object per line")
    Path rejects;

    @Option(names = "--mappings", description = "mapping directory (default: ./mappings if present, else the built-in copy)")
    Path mappings;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String label = "normalize " + node + "/" + dataset;
        try {
            NodeCode n = NodeCode.of(node);
            Dataset d = Dataset.of(dataset);
            if (out.toAbsolutePath().normalize().equals(rejects.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("--out and --rejects must be different files");
            }
            Normalizer normalizer = new Normalizer(PartFiles.mappings(mappings));
            NormalizeSummary s = run(normalizer, n, d, err, label);
            err.println(label + ": " + s.rows() + " rows, " + s.accepted() + " accepted, " + s.rejected() + " rejected");
            err.flush();
            return 0;
        } catch (UnreadableFileException | MappingException | IllegalArgumentException | IOException
                 | UncheckedIOException e) {
            PartFiles.reportFailure(err, label, in, e);
            return EXIT_UNREADABLE;
        }
    }

    private NormalizeSummary run(Normalizer normalizer, NodeCode n, Dataset d, PrintWriter err, String label)
            throws IOException {
        Path outTmp = PartFiles.tempNextTo(out);
        Path rejTmp = null;
        boolean ok = false;
        try {
            rejTmp = PartFiles.tempNextTo(rejects);
            NormalizeSummary summary;
            try (InputStream input = Files.newInputStream(in);
                 JsonLinesSink sink = new JsonLinesSink(outTmp, rejTmp, rows -> {
                     err.println(label + ": " + rows + " rows so far");
                     err.flush();
                 })) {
                summary = normalizer.normalize(n, d, input, sink);
            }
            PartFiles.moveIntoPlace(outTmp, out);
            PartFiles.moveIntoPlace(rejTmp, rejects);
            ok = true;
            return summary;
        } finally {
            if (!ok) {
                Files.deleteIfExists(outTmp);
                if (rejTmp != null) {
                    Files.deleteIfExists(rejTmp);
                }
            }
        }
    }
}
