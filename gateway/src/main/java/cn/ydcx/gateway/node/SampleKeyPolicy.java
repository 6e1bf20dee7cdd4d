package cn.ydcx.gateway.node;

import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Suite;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node refuses to start with a key marked SAMPLE (committed publicly: anyone can impersonate
 * the node) unless the active profile is {@code demo} or {@code test} or
 * {@code gateway.allow-sample-keys=true}; when it does start with one, it says so loudly.
 */
public final class SampleKeyPolicy {
    private static final Logger log = LoggerFactory.getLogger(SampleKeyPolicy.class);
    static final List<String> SAMPLE_PROFILES = List.of("demo", "test");

    private SampleKeyPolicy() {
    }

    /** Throws IllegalStateException naming the sample key files when they are not allowed. */
    public static void enforce(PkiLayout pki, String keyName, Collection<Suite> suites, String[] activeProfiles,
                               boolean allowed, String node) {
        List<String> sample = suites.stream().distinct().filter(s -> pki.isSampleKey(s, keyName))
                .map(s -> pki.describeKey(s, keyName)).toList();
        if (sample.isEmpty()) {
            return;
        }
        boolean profile = Arrays.stream(activeProfiles).anyMatch(SAMPLE_PROFILES::contains);
        if (!allowed && !profile) {
            throw new IllegalStateException("node " + node + " refuses to start with SAMPLE keys " + sample
                    + ": they are published with the source code, anyone can impersonate this node. Use your own "
                    + "PKI (gateway.certs), or for a demo or test run with --spring.profiles.active=demo or "
                    + "--gateway.allow-sample-keys=true");
        }
        log.warn("""

                ************************************************************************
                 node {} runs with SAMPLE KEYS {}
                 anyone can impersonate it: demos and tests only, never production
                ************************************************************************""", node, sample);
    }
}
