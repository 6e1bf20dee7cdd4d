package cn.ydcx.gateway;

import cn.ydcx.gateway.cli.GatewayCli;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * One executable for every role: the CLI commands run without Spring; {@code serve} and
 * {@code demo} start the Spring Boot node(s).
 */
@SpringBootApplication
public class GatewayApplication {
    public static void main(String[] args) {
        int code = GatewayCli.run(args);
        if (code != GatewayCli.KEEP_RUNNING) {
            System.exit(code);
        }
    }
}
