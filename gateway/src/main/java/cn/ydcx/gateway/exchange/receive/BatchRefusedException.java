package cn.ydcx.gateway.exchange.receive;

import cn.ydcx.gateway.batch.BatchProblem;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A delivered batch is refused: thrown by any step of the receive routes, handled by the
 * {@code refusals} route configuration, which logs the refusal and answers with a signed
 * refusal receipt (nothing of the batch is stored).
 */
public class BatchRefusedException extends Exception {
    private final BatchProblem problem;
    private final transient JsonNode header;
    private final transient byte[] body;
    private final String peer;

    public BatchRefusedException(BatchProblem problem, String detail, JsonNode header, byte[] body, String peer) {
        super(detail, null, false, false);
        this.problem = problem;
        this.header = header;
        this.body = body;
        this.peer = peer;
    }

    public BatchProblem problem() {
        return problem;
    }

    public String detail() {
        return getMessage();
    }

    /** The batch header as far as it could be read, or null. */
    public JsonNode header() {
        return header;
    }

    public byte[] body() {
        return body;
    }

    public String peer() {
        return peer;
    }
}
