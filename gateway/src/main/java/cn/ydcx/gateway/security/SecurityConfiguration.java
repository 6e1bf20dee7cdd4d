package cn.ydcx.gateway.security;

import cn.ydcx.gateway.audit.AuditLog;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.TrustedRoots;
import cn.ydcx.gateway.node.NodeProperties;
import cn.ydcx.gateway.node.TrustProperties;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Mutual-TLS authorization and TLS-level revocation for one node. */
@Configuration
public class SecurityConfiguration {

    @Bean
    AccessRules accessRules(NodeProperties props) {
        return new AccessRules(props.node());
    }

    /** First in the chain: nothing else runs for a refused request. */
    @Bean
    FilterRegistrationBean<AccessControlFilter> accessControlFilter(AccessRules rules, TrustedRoots roots,
                                                                   AuditLog audit, Clock clock) {
        FilterRegistrationBean<AccessControlFilter> reg =
                new FilterRegistrationBean<>(new AccessControlFilter(rules, roots, audit, clock));
        reg.addUrlPatterns("/*");
        reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        reg.setName("accessControl");
        return reg;
    }

    @Bean
    TlsRevocation tlsRevocation(PkiLayout pki, TrustProperties trust) {
        return new TlsRevocation(pki, trust.crl().pollInterval());
    }
}
