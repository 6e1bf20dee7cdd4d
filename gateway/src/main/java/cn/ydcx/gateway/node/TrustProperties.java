package cn.ydcx.gateway.node;

import cn.ydcx.gateway.model.NodeCode;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys, sample-key policy and revocation of one node ({@code gateway.*}, next to {@link NodeProperties}).
 *
 * @param keyName          file stem of this node's key and certificate in the PKI directory, for signing
 *                         ({@code <suite>/<keyName>.*}) and TLS ({@code es256/<keyName>.*}); default the
 *                         node code; {@code ZJ.next} switches to a certificate issued by {@code pki issue}
 * @param allowSampleKeys  start even though the keys are marked SAMPLE (set automatically for the
 *                         shipped certs-sample, see NodeLauncher)
 * @param crl              revocation list polling
 */
@ConfigurationProperties("gateway")
public record TrustProperties(String keyName, boolean allowSampleKeys, @DefaultValue Crl crl) {

    /** The key name to use for {@code node}. */
    public String keyName(NodeCode node) {
        return keyName == null || keyName.isBlank() ? node.name() : keyName;
    }

    /**
     * @param pollInterval how often the TLS server looks at the CRL file's modification time and,
     *                     when it changed, reloads its trust configuration (batch checks look at
     *                     the file on every verification anyway)
     */
    public record Crl(@DefaultValue("2s") Duration pollInterval) {
    }
}
