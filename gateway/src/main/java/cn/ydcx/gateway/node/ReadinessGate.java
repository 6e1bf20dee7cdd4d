package cn.ydcx.gateway.node;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The HTTPS port opens before the node's routes run (Tomcat starts while the application context
 * is refreshed; Camel after it). Until Spring Boot declares the node ready (routes started,
 * recovery begun), and again once it is shutting down, every request but the health probes gets
 * 503 with one line saying why and a Retry-After: a sender simply retries later.
 */
public class ReadinessGate extends OncePerRequestFilter {

    private final ApplicationAvailability availability;
    private final String node;

    public ReadinessGate(ApplicationAvailability availability, String node) {
        this.availability = availability;
        this.node = node;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ReadinessState state = availability.getReadinessState();
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (state == ReadinessState.ACCEPTING_TRAFFIC || path.startsWith("/actuator/health")) {
            chain.doFilter(request, response);
            return;
        }
        String why = availability.getLivenessState() == org.springframework.boot.availability.LivenessState.BROKEN
                ? "node " + node + " has stopped serving: its database failed"
                : state == null || !started ? "node " + node + " is starting: it answers once its routes run"
                : "node " + node + " is shutting down";
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "2");
        response.setContentType("application/json");
        response.getOutputStream().write(("{\"error\":\"" + why + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private volatile boolean started;

    /** Called once the node was ready: a later refusal means it is going down, not coming up. */
    void markStarted() {
        started = true;
    }
}
