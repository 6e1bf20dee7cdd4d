package cn.ydcx.gateway.exchange;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** HTTP status and signed receipt for one delivered batch. */
public record ReceiveOutcome(int httpStatus, ObjectNode receipt) {
}
