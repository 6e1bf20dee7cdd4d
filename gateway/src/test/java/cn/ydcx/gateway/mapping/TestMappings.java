package cn.ydcx.gateway.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Every mapping under ./mappings, plus the test-only AH penalty fixture when mappings/AH/penalty.yaml
 * does not exist yet (so the delimited writer is exercised in any case), in a temporary directory.
 */
final class TestMappings {
    private static Path dir;

    private TestMappings() {
    }

    static synchronized Path dir() {
        if (dir == null) {
            try {
                Path d = Files.createTempDirectory("test-mappings");
                d.toFile().deleteOnExit();
                Path src = Path.of("mappings");
                try (Stream<Path> files = Files.walk(src)) {
                    for (Path p : (Iterable<Path>) files::iterator) {
                        Path target = d.resolve(src.relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
                Path ah = d.resolve("AH/penalty.yaml");
                if (!Files.exists(ah)) {
                    Files.createDirectories(ah.getParent());
                    try (InputStream in = TestMappings.class.getResourceAsStream("/fixtures/AH-penalty.yaml")) {
                        Files.copy(in, ah);
                    }
                }
                dir = d;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    static MappingRegistry registry() {
        return MappingRegistry.load(MappingSource.directory(dir()));
    }
}
