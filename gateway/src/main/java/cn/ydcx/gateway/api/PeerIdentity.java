package cn.ydcx.gateway.api;

import jakarta.servlet.http.HttpServletRequest;
import cn.ydcx.gateway.crypto.Certs;
import java.security.cert.X509Certificate;

/** The caller's identity: the CN of the client certificate it presented in mutual TLS. */
public final class PeerIdentity {

    private PeerIdentity() {
    }

    public static String commonName(HttpServletRequest request) {
        Object attr = request.getAttribute("jakarta.servlet.request.X509Certificate");
        if (!(attr instanceof X509Certificate[] chain) || chain.length == 0) {
            return null;
        }
        return commonName(chain[0]);
    }

    public static String commonName(X509Certificate cert) {
        return Certs.commonName(cert);
    }
}
