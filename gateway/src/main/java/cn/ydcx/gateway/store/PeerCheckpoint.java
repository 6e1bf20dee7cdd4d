package cn.ydcx.gateway.store;

import java.time.Instant;

/** A checkpoint fetched from a peer and accepted (after its consistency proof). */
public record PeerCheckpoint(String origin, long size, String rootHex, String json, Instant receivedAt) {
}
