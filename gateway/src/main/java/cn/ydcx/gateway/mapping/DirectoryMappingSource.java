package cn.ydcx.gateway.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Mapping files in a directory on disk (default ./mappings, or --mappings DIR). */
final class DirectoryMappingSource implements MappingSource {
    private final Path root;

    DirectoryMappingSource(Path root) {
        if (!Files.isDirectory(root)) {
            throw new MappingException("mappings directory " + root + " does not exist");
        }
        this.root = root;
    }

    @Override
    public InputStream open(String relativePath) throws IOException {
        Path p = root.resolve(relativePath);
        return Files.isRegularFile(p) ? Files.newInputStream(p) : null;
    }

    @Override
    public String describe(String relativePath) {
        return root.resolve(relativePath).toString();
    }

    @Override
    public List<String> list() {
        try (Stream<Path> files = Files.walk(root, 2)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.contains("/"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
