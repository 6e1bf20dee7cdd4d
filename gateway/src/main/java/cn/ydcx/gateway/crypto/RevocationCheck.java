package cn.ydcx.gateway.crypto;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/**
 * Hook for revocation (CRLs come in a later issue). Called for every certificate of a chain
 * that otherwise checks out, with the certificate that issued it.
 */
@FunctionalInterface
public interface RevocationCheck {
    /** Nothing is revoked. */
    RevocationCheck NONE = (cert, issuer, at) -> Optional.empty();

    /** A one-line reason when {@code cert} was revoked at {@code at}, else empty. */
    Optional<String> revoked(X509Certificate cert, X509Certificate issuer, Instant at);
}
