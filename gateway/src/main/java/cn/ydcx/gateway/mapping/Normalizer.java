package cn.ydcx.gateway.mapping;

import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.NodeCode;
import java.io.InputStream;
import java.util.Objects;

/**
 * Native file → canonical records and rejects, streaming row by row (SPEC §2, §3). Output goes
 * to the sink in input order; nothing of the file is kept beyond the current row and the set of
 * keys seen.
 */
public final class Normalizer {
    /** The sink's progress hook is called every this many rows. */
    public static final long PROGRESS_EVERY = 100_000;

    private final MappingRegistry registry;

    public Normalizer(MappingRegistry registry) {
        this.registry = Objects.requireNonNull(registry);
    }

    /**
     * @throws UnreadableFileException when the file as a whole cannot be read (the sink may have
     *                                 received rows before the failure; callers discard them)
     * @throws MappingException        when the node has no mapping for the dataset
     */
    public NormalizeSummary normalize(NodeCode node, Dataset dataset, InputStream in, NormalizeSink sink) {
        Mapping mapping = registry.get(node, dataset);
        RowNormalizer rows = new RowNormalizer(mapping);
        long total = 0;
        long accepted = 0;
        try (RowReader reader = mapping.format().open(in, mapping)) {
            while (reader.next()) {
                total++;
                if (rows.process(reader, sink)) {
                    accepted++;
                }
                if (total % PROGRESS_EVERY == 0) {
                    sink.progress(total);
                }
            }
        }
        return new NormalizeSummary(total, accepted, total - accepted);
    }
}
