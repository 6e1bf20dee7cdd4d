package cn.ydcx.gateway.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

/** A private copy of certs-sample/ (or any tree) for tests that revoke, issue, rotate or edit files. */
public final class SamplePkiCopy {
    private SamplePkiCopy() {
    }

    /** Copies the whole sample PKI into {@code to} (created) and returns it. */
    public static Path to(Path to) throws IOException {
        return copyTree(Path.of("certs-sample"), to);
    }

    /** Copies the directory tree {@code from} into {@code to} (created) and returns {@code to}. */
    public static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    /** The ES256 TLS identity {@code identity} of {@code pki}, trusting only its ES256 root. */
    public static SslBundle tlsBundle(PkiLayout pki, String identity) {
        PemSslStoreDetails key = PemSslStoreDetails.forCertificate(pki.certificateLocation(Suite.ES256, identity))
                .withPrivateKey(pki.privateKeyLocation(Suite.ES256, identity));
        PemSslStoreDetails trust = PemSslStoreDetails.forCertificate(pki.rootLocation(Suite.ES256));
        return SslBundle.of(new PemSslStoreBundle(key, trust));
    }
}
