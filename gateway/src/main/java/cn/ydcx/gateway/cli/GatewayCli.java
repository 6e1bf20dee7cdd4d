package cn.ydcx.gateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Top-level command; each subcommand lives in its own class in this package. */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = "Yangtze Delta credit exchange gateway",
        subcommands = {
            NormalizeCommand.class,
            ExportCommand.class,
            SignCommand.class,
            VerifyCommand.class,
            PkiCommand.class,
            ServeCommand.class,
            DemoCommand.class,
            BenchCommand.class
        })
public class GatewayCli implements Runnable {

    /** Returned by a command that leaves servers running: main must not exit the JVM. */
    public static final int KEEP_RUNNING = Integer.MIN_VALUE;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new GatewayCli());
        // A user error gets one clear line, never a stack trace.
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + rootMessage(ex));
            return 2;
        });
        return cl.execute(args);
    }

    /**
     * The innermost message: a node that cannot start because of, say, a broken mapping file
     * fails deep inside Spring, and the useful line is the one naming the file.
     */
    static String rootMessage(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
