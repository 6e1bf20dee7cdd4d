package cn.ydcx.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot application of one node (started by {@code node.NodeLauncher}); the jar's
 * entry point is {@code cli.Main}.
 */
@SpringBootApplication
public class GatewayApplication {
}
