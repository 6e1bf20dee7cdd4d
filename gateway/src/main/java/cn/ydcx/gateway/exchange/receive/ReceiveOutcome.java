package cn.ydcx.gateway.exchange.receive;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The answer to a delivered batch: HTTP status and the signed receipt. */
public record ReceiveOutcome(int httpStatus, ObjectNode receipt) {
}
