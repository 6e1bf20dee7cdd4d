package cn.ydcx.gateway.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until implemented. */
@Command(name = "demo", description = "not implemented yet")
public class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("demo: not implemented yet");
        return 1;
    }
}
