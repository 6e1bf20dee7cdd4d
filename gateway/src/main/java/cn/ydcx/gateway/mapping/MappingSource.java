package cn.ydcx.gateway.mapping;

import java.nio.file.Path;

/** Where mapping files come from: a directory on disk or the copy inside the jar. */
public interface MappingSource {
    static MappingSource directory(Path dir) {
        throw new UnsupportedOperationException("not yet");
    }

    static MappingSource classpath() {
        throw new UnsupportedOperationException("not yet");
    }

    /** ./mappings when it exists in the working directory, else the classpath copy. */
    static MappingSource defaultSource() {
        throw new UnsupportedOperationException("not yet");
    }
}
