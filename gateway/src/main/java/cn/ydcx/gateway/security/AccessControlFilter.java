package cn.ydcx.gateway.security;

import cn.ydcx.gateway.audit.AuditEvent;
import cn.ydcx.gateway.audit.AuditLog;
import cn.ydcx.gateway.crypto.Certs;
import cn.ydcx.gateway.crypto.ChainCheck;
import cn.ydcx.gateway.crypto.TrustedRoots;
import cn.ydcx.gateway.model.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request: (1) the client certificate must still be good — TLS checked it at the
 * handshake, but a keep-alive connection can outlive a revocation, so the chain is checked
 * against the current CRL again; (2) {@link AccessRules} must allow the CN the operation.
 * A refusal is 403 {@code {"error": ...}} naming the CN and the operation, a WARN log line and
 * an ACCESS_DENIED audit entry.
 */
public class AccessControlFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(AccessControlFilter.class);
    private static final String CERT_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    private final AccessRules rules;
    private final TrustedRoots roots;
    private final AuditLog audit;
    private final Clock clock;

    public AccessControlFilter(AccessRules rules, TrustedRoots roots, AuditLog audit, Clock clock) {
        this.rules = rules;
        this.roots = roots;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // servlet path: decoded and normalised by Tomcat (no "..", no ";params"), as routing sees it
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String method = request.getMethod();
        X509Certificate[] certs = request.getAttribute(CERT_ATTRIBUTE) instanceof X509Certificate[] c ? c : null;
        String cn = certs == null || certs.length == 0 ? null : Certs.commonName(certs[0]);
        AccessRules.Decision decision = rules.decide(cn, method, path);
        String reason = decision.reason();
        if (decision.allowed()) {
            ChainCheck check = roots.check(List.of(certs), Instant.now(clock));
            if (!check.ok()) {
                reason = "CN=" + cn + " may not " + decision.operation() + ": client certificate "
                        + check.problem() + ": " + check.detail();
            }
        }
        if (reason == null) {
            chain.doFilter(request, response);
            return;
        }
        deny(response, cn, method, path, decision.operation(), reason);
    }

    private void deny(HttpServletResponse response, String cn, String method, String path, String operation,
                      String reason) throws IOException {
        log.warn("access denied: {}", reason);
        try {
            ObjectNode entry = audit.entry(AuditEvent.ACCESS_DENIED);
            if (cn != null) {
                entry.put("cn", cn);
            }
            entry.put("method", method).put("path", path).put("operation", operation).put("reason", reason);
            audit.append(entry);
        } catch (RuntimeException e) {
            // the refusal stands even if the audit store is unavailable
            log.error("could not audit an access denial: {}", e.getMessage());
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("error", reason);
        if (cn != null) {
            body.put("cn", cn);
        }
        body.put("operation", operation);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.getOutputStream().write(Json.mapper().writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }
}
