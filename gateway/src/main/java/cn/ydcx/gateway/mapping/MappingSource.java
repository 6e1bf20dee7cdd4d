package cn.ydcx.gateway.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where mapping files come from: a directory on disk or the copy inside the jar. */
public interface MappingSource {

    /** Opens a file by its path relative to the mappings root ("ZJ/penalty.yaml"); null when absent. */
    InputStream open(String relativePath) throws IOException;

    /** How to name a file in messages. */
    String describe(String relativePath);

    /** Relative paths of files under node folders; used to flag stray files (empty if not listable). */
    default List<String> list() {
        return List.of();
    }

    static MappingSource directory(Path dir) {
        return new DirectoryMappingSource(dir);
    }

    static MappingSource classpath() {
        return new ClasspathMappingSource("mappings/");
    }

    /** ./mappings when it exists in the working directory, else the classpath copy. */
    static MappingSource defaultSource() {
        Path local = Path.of("mappings");
        return Files.isDirectory(local) ? directory(local) : classpath();
    }
}
