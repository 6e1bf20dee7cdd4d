package cn.ydcx.gateway.node;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Readiness of the HTTPS API: see {@link ReadinessGate}. */
@Configuration(proxyBeanMethods = false)
public class NodeLifecycleConfiguration {

    @Bean
    ReadinessGate readinessGate(ApplicationAvailability availability, NodeProperties props) {
        return new ReadinessGate(availability, props.node().name());
    }

    /** Before access control: a node that is not ready does not even look at who is calling. */
    @Bean
    FilterRegistrationBean<ReadinessGate> readinessGateFilter(ReadinessGate gate) {
        FilterRegistrationBean<ReadinessGate> reg = new FilterRegistrationBean<>(gate);
        reg.addUrlPatterns("/*");
        reg.setOrder(Ordered.HIGHEST_PRECEDENCE);
        reg.setName("readinessGate");
        return reg;
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> readinessGateStarted(ReadinessGate gate) {
        return event -> gate.markStarted();
    }
}
