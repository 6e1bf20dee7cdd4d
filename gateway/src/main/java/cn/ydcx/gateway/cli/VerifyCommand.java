package cn.ydcx.gateway.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until implemented. */
@Command(name = "verify", description = "not implemented yet")
public class VerifyCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("verify: not implemented yet");
        return 1;
    }
}
