package cn.ydcx.gateway.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until implemented. */
@Command(name = "serve", description = "not implemented yet")
public class ServeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("serve: not implemented yet");
        return 1;
    }
}
