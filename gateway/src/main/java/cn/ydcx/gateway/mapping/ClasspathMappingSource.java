package cn.ydcx.gateway.mapping;

import java.io.InputStream;

/** Mapping files packaged in the jar under {@code mappings/}. Jars cannot be listed cheaply, so no stray-file check. */
final class ClasspathMappingSource implements MappingSource {
    private final String prefix;

    ClasspathMappingSource(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public InputStream open(String relativePath) {
        return ClasspathMappingSource.class.getClassLoader().getResourceAsStream(prefix + relativePath);
    }

    @Override
    public String describe(String relativePath) {
        return "classpath:" + prefix + relativePath;
    }

    @Override
    public String toString() {
        return "classpath:" + prefix;
    }
}
