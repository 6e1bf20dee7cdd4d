package cn.ydcx.gateway.crypto;

/** Result of {@link TrustedRoots#check}: ok, or a problem with a one-line detail. */
public record ChainCheck(boolean ok, ChainProblem problem, String detail) {
    private static final ChainCheck OK = new ChainCheck(true, null, "chain trusted");

    public static ChainCheck passed() {
        return OK;
    }

    public static ChainCheck failed(ChainProblem problem, String detail) {
        return new ChainCheck(false, problem, detail);
    }
}
