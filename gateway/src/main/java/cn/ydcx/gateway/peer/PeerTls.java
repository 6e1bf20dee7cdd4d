package cn.ydcx.gateway.peer;

import cn.ydcx.gateway.crypto.Certs;
import cn.ydcx.gateway.crypto.CrlRevocationCheck;
import cn.ydcx.gateway.crypto.RevocationAwareTrustManager;
import cn.ydcx.gateway.node.NodeLauncher;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;

/**
 * The TLS identity this node presents to its peers (mutual TLS with the node's ES256
 * certificate, the same bundle as its own server) and the trust it places in them: the regional
 * root only, and never a server whose certificate is on the current CRL. Shared by every client
 * of the node: Camel's https component (deliveries, catch-up) and {@link PeerClient}.
 */
@Component
public class PeerTls {

    private final SSLContext context;
    private final CrlRevocationCheck crl;

    public PeerTls(SslBundles bundles, CrlRevocationCheck crl) {
        this.crl = crl;
        SslBundle bundle = bundles.getBundle(NodeLauncher.TLS_BUNDLE);
        try {
            SSLContext ssl = SSLContext.getInstance(bundle.getProtocol());
            ssl.init(bundle.getManagers().getKeyManagers(),
                    RevocationAwareTrustManager.wrap(bundle.getManagers().getTrustManagers(), crl::listedNow), null);
            this.context = ssl;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the TLS context for peers: " + e.getMessage(), e);
        }
    }

    public SSLContext context() {
        return context;
    }

    /**
     * Why an answer received over this session must not be used: the server's certificate was
     * revoked after the handshake (a kept-alive connection or a resumed session skips the
     * handshake's check), or it is unknown. Empty when the answer may be used.
     */
    public Optional<String> revokedSince(SSLSession session, String authority) {
        if (session == null) {
            return Optional.empty();
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length > 0 && chain[0] instanceof X509Certificate server) {
                return crl.listedNow(server).map(why -> "answer from " + authority + " refused: server certificate "
                        + Certs.label(server) + " is revoked: " + why);
            }
            return Optional.empty();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.of("answer from " + authority + " refused: the server's certificate is unknown");
        }
    }
}
