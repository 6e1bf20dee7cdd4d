package cn.ydcx.gateway.api;

import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.node.NodeProperties;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/pki/crl/{suite}}: the regional root's current CRL (PEM), published by REGION.
 * {@code suite} is {@code SM2-SM3}/{@code ES256} or the directory name {@code sm2}/{@code es256}.
 */
@RestController
public class CrlController {
    static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");

    private final PkiLayout pki;
    private final NodeProperties props;

    public CrlController(PkiLayout pki, NodeProperties props) {
        this.pki = pki;
        this.props = props;
    }

    @GetMapping("/api/v1/pki/crl/{suite}")
    public ResponseEntity<Object> crl(@PathVariable String suite) throws IOException {
        if (props.node() != NodeCode.REGION) {
            return ResponseEntity.status(404).body(Map.of("error", "the CRL is published by REGION, not by "
                    + props.node()));
        }
        Suite s = Arrays.stream(Suite.values())
                .filter(x -> x.wireName().equalsIgnoreCase(suite) || x.dirName().equalsIgnoreCase(suite))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown suite '" + suite
                        + "' (SM2-SM3, ES256, sm2 or es256)"));
        Optional<byte[]> crl = pki.readCrl(s);
        return crl.<ResponseEntity<Object>>map(b -> ResponseEntity.ok().contentType(PEM).body(b))
                .orElseGet(() -> ResponseEntity.status(404).body(Map.of("error", "no " + s + " CRL is published at "
                        + pki.crlLocation(s))));
    }
}
