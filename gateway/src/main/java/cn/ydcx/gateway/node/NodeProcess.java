package cn.ydcx.gateway.node;

import cn.ydcx.gateway.client.TlsClient;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.model.NodeCode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One node as its own operating-system process ({@code gateway.jar serve}), as an operator runs
 * it: for the region benchmark and for the recovery tests that kill a node with SIGKILL and
 * start it again on the same data directory. Output goes to a log file.
 */
public final class NodeProcess implements AutoCloseable {

    private final NodeCode node;
    private final int port;
    private final Path log;
    private final List<String> command;
    private Process process;

    private NodeProcess(NodeCode node, int port, Path log, List<String> command) {
        this.node = node;
        this.port = port;
        this.log = log;
        this.command = command;
    }

    /**
     * A node process, not started yet.
     *
     * @param jvmOptions e.g. {@code -Xmx512m}
     * @param extra      more {@code --key=value} settings for the node
     */
    public static NodeProcess of(NodeCode node, int port, Path dataDir, String certs, Map<NodeCode, String> peers,
                                 List<String> jvmOptions, List<String> extra, Path log) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-Dfile.encoding=UTF-8");
        String classPath = System.getProperty("java.class.path");
        if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
            cmd.add("-jar");
            cmd.add(classPath); // the executable jar itself
        } else {
            cmd.add("-cp");
            cmd.add(classPath);
            cmd.add("cn.ydcx.gateway.cli.Main");
        }
        cmd.addAll(List.of("serve", "--node", node.name(), "--port", String.valueOf(port),
                "--data-dir", dataDir.toAbsolutePath().toString(), "--certs", certs));
        peers.forEach((code, url) -> {
            cmd.add("--peer");
            cmd.add(code.name() + "=" + url);
        });
        cmd.addAll(extra);
        return new NodeProcess(node, port, log, cmd);
    }

    /** Starts (or starts again) the process; output is appended to the log. */
    public NodeProcess start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("node " + node + " is already running");
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return this;
    }

    /**
     * Waits until the node answers {@code /actuator/health/readiness} with UP (its routes run).
     *
     * @throws IllegalStateException when the process ends or the time runs out first
     */
    public void awaitReady(PkiLayout pki, Duration timeout) throws InterruptedException {
        TlsClient client = new TlsClient(pki, "auditor");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + node + " exited with " + process.exitValue()
                        + " while starting; see " + log);
            }
            try {
                if (client.get(url() + "/actuator/health/readiness").status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("node " + node + " was not ready after " + timeout + "; see " + log);
    }

    /** SIGKILL: the process gets no chance to finish anything. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** SIGTERM: a graceful shutdown (in-flight requests finish), then waits for the exit. */
    public int stop(Duration timeout) throws InterruptedException {
        if (process == null) {
            return 0;
        }
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        return process.exitValue();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public NodeCode node() {
        return node;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "https://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
