package cn.ydcx.gateway.mapping;

import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.NodeCode;
import java.io.InputStream;

/** Native file → canonical records and rejects, streaming, per SPEC §2 and §3. */
public final class Normalizer {
    private final MappingRegistry registry;

    public Normalizer(MappingRegistry registry) {
        this.registry = registry;
    }

    /** @throws UnreadableFileException when the file as a whole cannot be read */
    public NormalizeSummary normalize(NodeCode node, Dataset dataset, InputStream in, NormalizeSink sink) {
        throw new UnsupportedOperationException("not yet");
    }
}
