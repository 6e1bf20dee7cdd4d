package cn.ydcx.gateway.batch;

/** Outcome of verifying a batch: valid, or the first problem found with a one-line detail. */
public record BatchVerification(boolean valid, BatchProblem problem, String detail) {
    private static final BatchVerification OK = new BatchVerification(true, null, "valid");

    public static BatchVerification ok() {
        return OK;
    }

    public static BatchVerification invalid(BatchProblem problem, String detail) {
        return new BatchVerification(false, problem, detail);
    }
}
