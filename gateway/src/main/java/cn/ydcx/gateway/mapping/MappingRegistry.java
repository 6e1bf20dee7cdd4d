package cn.ydcx.gateway.mapping;

import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.NodeCode;

/** All mapping files of a source, loaded and checked once. */
public final class MappingRegistry {
    public static MappingRegistry load(MappingSource source) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Fails with MappingException naming node and dataset when no mapping file exists. */
    public Mapping get(NodeCode node, Dataset dataset) {
        throw new UnsupportedOperationException("not yet");
    }
}
