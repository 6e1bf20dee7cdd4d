package cn.ydcx.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ydcx.gateway.model.NodeCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node refuses to start on a broken mapping, and says which file and line. */
class NodeStartupTest {

    @Test
    void brokenMappingStopsTheNodeNamingFileAndLine(@TempDir Path tmp) throws IOException {
        Path mappings = tmp.resolve("mappings");
        copy(Path.of("mappings"), mappings);
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

    private static void copy(Path from, Path to) throws IOException {
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
    }
}
