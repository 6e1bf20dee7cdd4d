package cn.ydcx.gateway.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until implemented ({@code pki init --out DIR}). */
@Command(name = "pki", description = "not implemented yet")
public class PkiCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("pki: not implemented yet");
        return 1;
    }
}
