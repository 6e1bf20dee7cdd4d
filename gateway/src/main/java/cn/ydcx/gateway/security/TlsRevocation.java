package cn.ydcx.gateway.security;

import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Suite;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Refuses revoked client certificates in the TLS handshake itself: the Tomcat connector that
 * Spring Boot configured from the {@code node-tls} PEM bundle gets the ES256 root's CRL
 * ({@code es256/root.crl.pem}) and PKIX revocation checking; a background poll looks at the
 * file's modification time and reloads the connector's TLS configuration when it changed, so
 * a revocation takes effect for new connections without a restart. (Connections opened before
 * that are caught per request by {@link AccessControlFilter}.)
 */
public class TlsRevocation implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(TlsRevocation.class);

    private final PkiLayout pki;
    private final Duration pollInterval;
    private ScheduledExecutorService poller;

    public TlsRevocation(PkiLayout pki, Duration pollInterval) {
        this.pki = pki;
        this.pollInterval = pollInterval;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            if (!(connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) || !http.isSSLEnabled()) {
                return;
            }
            String crl = tomcatLocation();
            if (crl == null) {
                log.warn("no CRL at {}: TLS clients are not checked for revocation", pki.crlLocation(Suite.ES256));
                return;
            }
            for (SSLHostConfig host : http.findSslHostConfigs()) {
                host.setCertificateRevocationListFile(crl);
                host.setRevocationEnabled(true);
            }
            if (pki.crlFile(Suite.ES256) != null) {
                watch(http, pki.crlFile(Suite.ES256));
            }
        });
    }

    /** A path or URL Tomcat can open (it knows nothing of Spring's {@code classpath:}). */
    private String tomcatLocation() {
        Path file = pki.crlFile(Suite.ES256);
        if (file != null) {
            return Files.exists(file) ? file.toString() : null;
        }
        String location = pki.crlLocation(Suite.ES256).substring("classpath:".length());
        URL url = TlsRevocation.class.getClassLoader().getResource(location);
        return url == null ? null : url.toString();
    }

    private synchronized void watch(AbstractHttp11Protocol<?> http, Path file) {
        if (poller != null) {
            poller.shutdownNow();
        }
        Object[] seen = {stamp(file)};
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "crl-watch-" + http.getPort());
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(50, pollInterval.toMillis());
        poller.scheduleWithFixedDelay(() -> {
            Object now = stamp(file);
            if (Objects.equals(now, seen[0]) || now == null) {
                return; // unchanged, or briefly absent while being replaced
            }
            seen[0] = now;
            try {
                http.reloadSslHostConfigs();
                log.info("CRL {} changed: TLS configuration reloaded", file);
            } catch (RuntimeException e) {
                log.error("CRL {} changed but the TLS configuration could not be reloaded: {}", file, e.getMessage());
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    private static Object stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.lastModifiedTime().toMillis() + "/" + a.size() + "/" + a.fileKey();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public synchronized void destroy() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
