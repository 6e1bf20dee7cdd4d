package cn.ydcx.gateway.store;

/** Where a stored batch stands at this node. */
public enum BatchState {
    /** verified and stored, waiting for a lower seq of its (source, dataset) to be applied first */
    HELD,
    /** its records are versions of the current view (an OUT batch is applied when it is signed) */
    APPLIED
}
