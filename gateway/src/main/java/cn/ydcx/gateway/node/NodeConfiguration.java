package cn.ydcx.gateway.node;

import cn.ydcx.gateway.batch.BatchSigner;
import cn.ydcx.gateway.batch.BatchVerifier;
import cn.ydcx.gateway.crypto.Certs;
import cn.ydcx.gateway.crypto.CrlRevocationCheck;
import cn.ydcx.gateway.crypto.NodeCredentials;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.crypto.TrustedRoots;
import cn.ydcx.gateway.mapping.Exporter;
import cn.ydcx.gateway.mapping.MappingRegistry;
import cn.ydcx.gateway.mapping.MappingSource;
import cn.ydcx.gateway.mapping.Normalizer;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires the framework-free core (mapping, crypto, batches) into a node. */
@Configuration
@EnableConfigurationProperties({NodeProperties.class, TrustProperties.class})
public class NodeConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PkiLayout pkiLayout(NodeProperties props) {
        return PkiLayout.resolve(props.certs() == null ? NodeLauncher.defaultCertsLocation() : props.certs());
    }

    /**
     * The key that signs batches, receipts and checkpoints: {@code <suite>/<gateway.key-name>}
     * (default the node code). Sample keys are refused outside demo/test (SampleKeyPolicy), and
     * the certificate must name this node, so a mis-set key name fails at start, not at a peer.
     */
    @Bean
    NodeCredentials signingCredentials(PkiLayout pki, NodeProperties props, TrustProperties trust, Environment env) {
        String keyName = trust.keyName(props.node());
        SampleKeyPolicy.enforce(pki, keyName, List.of(props.signingSuite(), Suite.ES256), env.getActiveProfiles(),
                trust.allowSampleKeys(), props.node().name());
        NodeCredentials creds = pki.credentials(props.signingSuite(), keyName);
        String cn = Certs.commonName(creds.certificate());
        if (!props.node().name().equals(cn)) {
            throw new IllegalStateException("gateway.key-name=" + keyName + " holds a certificate for CN=" + cn
                    + ", not for node " + props.node());
        }
        return creds;
    }

    /** Revocation by the roots' CRLs in the PKI directory, re-read whenever a file changes. */
    @Bean
    CrlRevocationCheck crlRevocationCheck(PkiLayout pki, Clock clock) {
        return new CrlRevocationCheck(pki, clock);
    }

    @Bean
    TrustedRoots trustedRoots(PkiLayout pki, CrlRevocationCheck crl) {
        return new TrustedRoots(List.of(pki.rootCertificate(Suite.SM2_SM3), pki.rootCertificate(Suite.ES256)), crl);
    }

    @Bean
    BatchSigner batchSigner(NodeCredentials signingCredentials) {
        return new BatchSigner(signingCredentials);
    }

    @Bean
    BatchVerifier batchVerifier(TrustedRoots roots) {
        return new BatchVerifier(roots);
    }

    @Bean
    MappingRegistry mappingRegistry(NodeProperties props) {
        // A broken mapping fails here, so the node does not start (message names file and line).
        return MappingRegistry.load(props.mappings() == null
                ? MappingSource.defaultSource() : MappingSource.directory(props.mappings()));
    }

    @Bean
    Exporter exporter(MappingRegistry registry) {
        return new Exporter(registry);
    }

    @Bean
    Normalizer normalizer(MappingRegistry registry) {
        return new Normalizer(registry);
    }
}
