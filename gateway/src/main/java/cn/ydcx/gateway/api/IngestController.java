package cn.ydcx.gateway.api;

import cn.ydcx.gateway.exchange.IngestResult;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.node.NodeProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/ingest/{dataset}}: a native file of this node's province (SPEC §7). */
@RestController
public class IngestController {

    private final ProducerTemplate camel;
    private final NodeProperties props;

    public IngestController(ProducerTemplate camel, NodeProperties props) {
        this.camel = camel;
        this.props = props;
    }

    @PostMapping("/api/v1/ingest/{dataset}")
    public IngestResult ingest(@PathVariable String dataset, HttpServletRequest request) throws IOException {
        Dataset.of(dataset); // unknown dataset: 400 before anything is read
        // Spooled to disk first: files can be far larger than memory.
        Path uploads = Files.createDirectories(props.dataDir().resolve("uploads"));
        Path file = Files.createTempFile(uploads, "ingest-" + dataset + "-", ".upload");
        try (InputStream in = request.getInputStream()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return camel.requestBodyAndHeaders("direct:ingest", file,
                    Map.of("dataset", dataset, "peer", String.valueOf(PeerIdentity.commonName(request))),
                    IngestResult.class);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
