package cn.ydcx.gateway.mapping;

import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.NodeCode;

/** One checked mapping file: how a node's native file of one dataset maps to canonical fields. */
public final class Mapping {
    public NodeCode node() {
        throw new UnsupportedOperationException("not yet");
    }

    public Dataset dataset() {
        throw new UnsupportedOperationException("not yet");
    }
}
