package cn.ydcx.gateway.cli;

/**
 * The executable jar's entry point: every command runs without Spring; {@code serve} and
 * {@code demo} start the Spring Boot node(s) and keep the JVM running.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = GatewayCli.run(args);
        if (code != GatewayCli.KEEP_RUNNING) {
            System.exit(code);
        }
    }
}
