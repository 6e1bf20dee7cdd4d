package cn.ydcx.gateway.crypto;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The trusted regional root certificate(s); validates chains against them. */
public final class TrustedRoots {
    public TrustedRoots(Collection<X509Certificate> roots) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public static TrustedRoots of(X509Certificate... roots) {
        return new TrustedRoots(List.of(roots));
    }

    public ChainCheck check(List<X509Certificate> chain, Instant at) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
