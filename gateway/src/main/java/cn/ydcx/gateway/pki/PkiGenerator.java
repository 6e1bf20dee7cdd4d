package cn.ydcx.gateway.pki;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Generates the SAMPLE regional PKI for both suites. */
public final class PkiGenerator {
    public void generate(Path outDir, Instant notBefore, Duration validity) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
