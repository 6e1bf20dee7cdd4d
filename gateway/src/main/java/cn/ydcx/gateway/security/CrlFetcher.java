package cn.ydcx.gateway.security;

import cn.ydcx.gateway.crypto.Crls;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.peer.PeerClient;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.node.NodeProperties;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps a province node's copy of the regional CRLs current: fetches each suite's CRL from REGION
 * ({@code GET /api/v1/pki/crl/{suite}}), accepts it only if the regional root signed it and it is
 * newer (higher CRL number, or later thisUpdate) than the local file, and replaces the local file
 * atomically — which the CRL checks of batches and of TLS pick up without a restart.
 */
@Component("crlFetcher")
public class CrlFetcher {

    private static final Logger log = LoggerFactory.getLogger(CrlFetcher.class);

    private final PeerClient client;
    private final PkiLayout pki;
    private final NodeProperties props;

    public CrlFetcher(PeerClient client, PkiLayout pki, NodeProperties props) {
        this.client = client;
        this.pki = pki;
        this.props = props;
    }

    /** One round for both suites; returns what happened per suite. */
    public List<String> fetchAll() {
        List<String> out = new ArrayList<>();
        if (props.node() == NodeCode.REGION || !props.peers().containsKey(NodeCode.REGION.name())) {
            return out;
        }
        for (Suite suite : Suite.values()) {
            try {
                out.add(suite.wireName() + ": " + fetch(suite));
            } catch (Exception e) {
                out.add(suite.wireName() + ": not fetched (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            }
        }
        return out;
    }

    /** UPDATED, UNCHANGED, or why the fetched CRL was not taken. */
    public String fetch(Suite suite) throws Exception {
        Path local = pki.crlFile(suite);
        if (local == null) {
            return "UNCHANGED (the PKI is read from the classpath and cannot be updated)";
        }
        HttpResponse<String> resp = client.get(NodeCode.REGION.name(), "/api/v1/pki/crl/" + suite.wireName())
                .get(props.delivery().timeout().toMillis(), TimeUnit.MILLISECONDS);
        if (resp.statusCode() != 200) {
            return "not fetched (REGION answered HTTP " + resp.statusCode() + ")";
        }
        byte[] pem = resp.body().getBytes(StandardCharsets.US_ASCII);
        X509CRLHolder remote = Crls.fromPem(pem);
        String problem = Crls.checkIssuedBy(remote, pki.rootCertificate(suite));
        if (problem != null) {
            log.error("CRL for {} from REGION refused: {}", suite, problem);
            return "REFUSED " + problem;
        }
        Optional<byte[]> current = pki.readCrl(suite);
        if (current.isPresent() && !newer(remote, Crls.fromPem(current.get()))) {
            return "UNCHANGED";
        }
        Path tmp = local.resolveSibling("." + local.getFileName() + ".fetched");
        Files.write(tmp, pem);
        try {
            Files.move(tmp, local, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, local, StandardCopyOption.REPLACE_EXISTING);
        }
        log.info("CRL for {} updated from REGION ({} revoked)", suite, remote.getRevokedCertificates().size());
        return "UPDATED";
    }

    static boolean newer(X509CRLHolder remote, X509CRLHolder local) {
        BigInteger r = number(remote);
        BigInteger l = number(local);
        if (r != null && l != null) {
            return r.compareTo(l) > 0;
        }
        return remote.getThisUpdate().after(local.getThisUpdate());
    }

    private static BigInteger number(X509CRLHolder crl) {
        Extension ext = crl.getExtension(Extension.cRLNumber);
        return ext == null ? null : ASN1Integer.getInstance(ext.getParsedValue()).getValue();
    }
}
