package cn.ydcx.gateway.crypto;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Wraps a PKIX trust manager so that a peer whose certificate is on the current CRL fails the
 * TLS handshake. The node's server side gets this from Tomcat; this is for the node's own
 * outgoing connections (deliveries, witnessing, CRL fetches), so a node never hands a batch to,
 * or takes a receipt from, a server presenting a revoked certificate.
 *
 * <p>The check runs on every handshake, so a newly published CRL takes effect for the next
 * connection without a restart.
 */
public final class RevocationAwareTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;
    private final Function<X509Certificate, Optional<String>> revoked;

    /** {@code revoked} answers a one-line reason when the certificate must be refused now. */
    public RevocationAwareTrustManager(X509ExtendedTrustManager delegate,
            Function<X509Certificate, Optional<String>> revoked) {
        this.delegate = delegate;
        this.revoked = revoked;
    }

    /** The same managers with every X.509 trust manager wrapped. */
    public static TrustManager[] wrap(TrustManager[] managers, Function<X509Certificate, Optional<String>> revoked) {
        TrustManager[] out = managers.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof X509ExtendedTrustManager x) {
                out[i] = new RevocationAwareTrustManager(x, revoked);
            }
        }
        return out;
    }

    private void refuseRevoked(X509Certificate[] chain) throws CertificateException {
        Optional<String> why = revoked.apply(chain[0]);
        if (why.isPresent()) {
            throw new CertificateException("peer certificate " + Certs.label(chain[0]) + " is revoked: " + why.get());
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate.checkServerTrusted(chain, authType, socket);
        refuseRevoked(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate.checkServerTrusted(chain, authType, engine);
        refuseRevoked(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkServerTrusted(chain, authType);
        refuseRevoked(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
        refuseRevoked(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
        refuseRevoked(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
        refuseRevoked(chain);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
