package cn.ydcx.gateway.store;

import java.time.Instant;

/** A signed checkpoint of this node's own audit log (SPEC §5). */
public record Checkpoint(long size, String rootHex, String checkpointJson, String signatureJson, Instant savedAt) {
}
