package cn.ydcx.gateway.node;

import cn.ydcx.gateway.batch.BatchSigner;
import cn.ydcx.gateway.batch.BatchVerifier;
import cn.ydcx.gateway.crypto.NodeCredentials;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.crypto.TrustedRoots;
import cn.ydcx.gateway.mapping.MappingRegistry;
import cn.ydcx.gateway.mapping.MappingSource;
import cn.ydcx.gateway.mapping.Normalizer;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the framework-free core (mapping, crypto, batches) into a node. */
@Configuration
@EnableConfigurationProperties(NodeProperties.class)
public class NodeConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PkiLayout pkiLayout(NodeProperties props) {
        return PkiLayout.resolve(props.certs() == null ? NodeLauncher.defaultCertsLocation() : props.certs());
    }

    @Bean
    NodeCredentials signingCredentials(PkiLayout pki, NodeProperties props) {
        return pki.credentials(props.signingSuite(), props.node().name());
    }

    @Bean
    TrustedRoots trustedRoots(PkiLayout pki) {
        return TrustedRoots.of(pki.rootCertificate(Suite.SM2_SM3), pki.rootCertificate(Suite.ES256));
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
    Normalizer normalizer(MappingRegistry registry) {
        return new Normalizer(registry);
    }
}
