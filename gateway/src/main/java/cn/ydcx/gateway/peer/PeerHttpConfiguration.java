package cn.ydcx.gateway.peer;

import cn.ydcx.gateway.node.NodeProperties;
import java.io.IOException;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpResponseInterceptor;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camel's {@code https} component as this node's client to its peers: mutual TLS with
 * {@link PeerTls}, hostnames verified against the peers' certificates, the delivery timeout for
 * connecting and for each answer, and every answer refused whose server certificate was revoked
 * after the connection was opened (a pooled connection is also closed after 30 s, so a new
 * handshake re-checks it against the current CRL).
 */
@Configuration(proxyBeanMethods = false)
public class PeerHttpConfiguration {

    @Bean
    CamelContextConfiguration peerHttps(PeerTls tls, NodeProperties props) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                long timeoutMs = props.delivery().timeout().toMillis();
                PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(tls.context()))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofMilliseconds(timeoutMs))
                                .setSocketTimeout(Timeout.ofMilliseconds(timeoutMs))
                                .setTimeToLive(TimeValue.ofSeconds(30))
                                .build())
                        .setMaxConnPerRoute(4)
                        .setMaxConnTotal(32)
                        .build();
                HttpComponent https = camel.getComponent("https", HttpComponent.class);
                https.setClientConnectionManager(connections);
                https.setResponseTimeout(timeoutMs);
                https.setConnectTimeout(timeoutMs);
                https.setFollowRedirects(false);
                https.setHttpClientConfigurer(builder -> builder.addResponseInterceptorFirst(revocationCheck(tls)));
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
            }
        };
    }

    private static HttpResponseInterceptor revocationCheck(PeerTls tls) {
        return (response, entity, context) -> {
            HttpClientContext http = HttpClientContext.castOrCreate(context);
            String authority = http.getHttpRoute() == null ? "peer" : http.getHttpRoute().getTargetHost().toHostString();
            Optional<String> why = tls.revokedSince(http.getSSLSession(), authority);
            if (why.isPresent()) {
                throw new IOException(why.get());
            }
        };
    }
}
