package cn.ydcx.gateway.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A private copy of certs-sample/ for tests that revoke, issue or rotate certificates. */
public final class SamplePkiCopy {
    private SamplePkiCopy() {
    }

    /** Copies the whole sample PKI into {@code to} (created) and returns it. */
    public static Path to(Path to) throws IOException {
        Path from = Path.of("certs-sample");
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
        return to;
    }
}
