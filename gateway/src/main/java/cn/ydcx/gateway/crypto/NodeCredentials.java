package cn.ydcx.gateway.crypto;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A signer's key and certificate chain (signer first, then issuers).
 * toString never prints the key.
 */
public record NodeCredentials(Suite suite, String name, PrivateKey privateKey, List<X509Certificate> chain) {
    public NodeCredentials {
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    @Override
    public String toString() {
        return "NodeCredentials[suite=" + suite + ", name=" + name + ", subject="
                + (chain.isEmpty() ? "?" : chain.get(0).getSubjectX500Principal().getName()) + ", key=<hidden>]";
    }
}
