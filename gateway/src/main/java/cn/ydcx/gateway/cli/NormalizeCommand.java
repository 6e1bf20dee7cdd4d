package cn.ydcx.gateway.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until implemented. */
@Command(name = "normalize", description = "not implemented yet")
public class NormalizeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("normalize: not implemented yet");
        return 1;
    }
}
