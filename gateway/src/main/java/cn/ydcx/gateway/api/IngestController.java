package cn.ydcx.gateway.api;

import cn.ydcx.gateway.exchange.ingest.IngestResult;
import cn.ydcx.gateway.exchange.ingest.IngestService;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.node.NodeProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/ingest/{dataset}?mode=increment}: a native file of this node's province
 * (SPEC §7). The body is written to the node's uploads directory under its SHA-256 (files can be
 * far larger than memory) and kept there until its run is done, so a node stopped half-way
 * finishes the file when it starts again.
 */
@RestController
public class IngestController {

    private final ProducerTemplate camel;
    private final NodeProperties props;

    public IngestController(ProducerTemplate camel, NodeProperties props) {
        this.camel = camel;
        this.props = props;
    }

    @PostMapping("/api/v1/ingest/{dataset}")
    public IngestResult ingest(@PathVariable String dataset, @RequestParam(required = false) String mode,
                               HttpServletRequest request) throws IOException {
        Dataset.of(dataset); // unknown dataset: 400 before anything is read
        String m = mode == null ? "increment" : mode;
        Path uploads = Files.createDirectories(props.dataDir().resolve("uploads"));
        Path partial = Files.createTempFile(uploads, "receiving-", ".part");
        String sha256;
        try (InputStream in = request.getInputStream();
             OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha256())) {
            in.transferTo(out);
            out.flush();
            sha256 = HexFormat.of().formatHex(((DigestOutputStream) out).getMessageDigest().digest());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Path upload = IngestService.uploadPath(props.dataDir(), dataset, m, sha256);
        Files.move(partial, upload, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Map<String, Object> headers = new HashMap<>();
        headers.put("dataset", dataset);
        headers.put("mode", m);
        headers.put("fileSha256", sha256);
        return camel.requestBodyAndHeaders("direct:ingest", upload, headers, IngestResult.class);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
