package cn.ydcx.gateway.node;

import cn.ydcx.gateway.crypto.SamplePkiCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ydcx.gateway.model.NodeCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node refuses to start on a broken mapping, and says which file and line. */
class NodeStartupTest {

    @Test
    void brokenMappingStopsTheNodeNamingFileAndLine(@TempDir Path tmp) throws IOException {
        Path mappings = tmp.resolve("mappings");
        SamplePkiCopy.copyTree(Path.of("mappings"), mappings);
        Path zj = mappings.resolve("ZJ/penalty.yaml");
        Files.writeString(zj, Files.readString(zj, StandardCharsets.UTF_8)
                .replace("data.decisionDate: ", "data.decisionDay: "), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> LocalRegion.start(List.of(NodeCode.ZJ), tmp.resolve("data"), "certs-sample", true,
                Map.of("gateway.mappings", mappings.toString())))
                .satisfies(e -> {
                    Throwable root = e;
                    while (root.getCause() != null) {
                        root = root.getCause();
                    }
                    assertThat(root.getMessage()).contains("ZJ/penalty.yaml").containsPattern("line \\d+")
                            .contains("data.decisionDay");
                });
    }
}
