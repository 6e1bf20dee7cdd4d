package cn.ydcx.gateway.mapping;

import java.nio.file.Path;

/** Lets tests in other packages use the test mapping directory (mappings/ plus the AH fixture). */
public final class TestMappingsAccess {
    private TestMappingsAccess() {
    }

    public static Path dir() {
        return TestMappings.dir();
    }
}
