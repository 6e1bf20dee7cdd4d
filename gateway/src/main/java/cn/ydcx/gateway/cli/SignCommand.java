package cn.ydcx.gateway.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until implemented. */
@Command(name = "sign", description = "not implemented yet")
public class SignCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("sign: not implemented yet");
        return 1;
    }
}
