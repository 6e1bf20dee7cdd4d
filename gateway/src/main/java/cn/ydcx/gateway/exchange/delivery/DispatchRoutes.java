package cn.ydcx.gateway.exchange.delivery;

import cn.ydcx.gateway.node.NodeProperties;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One {@code dispatch-<PEER>} route per configured peer, made from the {@code dispatch-to-peer}
 * template of routes/delivery.yaml: the peers are configuration ({@code gateway.peers.*}), the
 * route is the same for each.
 */
@Configuration(proxyBeanMethods = false)
public class DispatchRoutes {

    private final NodeProperties props;
    private final Dispatcher dispatcher;

    public DispatchRoutes(NodeProperties props, Dispatcher dispatcher) {
        this.props = props;
        this.dispatcher = dispatcher;
    }

    @Bean
    CamelContextConfiguration dispatchToEveryPeer() {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
                for (Map.Entry<String, String> peer : props.peers().entrySet()) {
                    TemplatedRouteBuilder.builder(camel, "dispatch-to-peer")
                            .routeId("dispatch-" + peer.getKey())
                            .parameter("peer", peer.getKey())
                            .parameter("url", peer.getValue().replaceAll("/+$", ""))
                            .add();
                }
            }
        };
    }

    /** Leases are given back at shutdown, so another instance of this node takes over without waiting. */
    @PreDestroy
    void releaseLeases() {
        props.peers().keySet().forEach(peer -> {
            try {
                dispatcher.release(peer);
            } catch (RuntimeException e) {
                // the database may already be gone; the lease then simply runs out
            }
        });
    }
}
