package cn.ydcx.gateway.cli;

import cn.ydcx.gateway.mapping.MappingRegistry;
import cn.ydcx.gateway.mapping.MappingSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What normalize and export share: output goes to a hidden {@code .part} file next to the target
 * and is moved into place only on success, so a failed run never leaves a file that looks like a
 * result; the mapping registry from {@code --mappings} or the default location; and the one-line
 * error report.
 */
final class PartFiles {

    private PartFiles() {
    }

    static Path tempNextTo(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: that makes the file owner-only, and the result is moved into place.
        Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".part");
        Files.createFile(tmp);
        return tmp;
    }

    static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static MappingRegistry mappings(Path dir) {
        return MappingRegistry.load(dir != null ? MappingSource.directory(dir) : MappingSource.defaultSource());
    }

    /** One line on stderr naming the command, the file and what is wrong with it. */
    static void reportFailure(PrintWriter err, String label, Path in, Exception e) {
        if (e instanceof NoSuchFileException missing) {
            err.println("error: " + label + ": no such file " + missing.getFile());
        } else if (e instanceof IOException || e instanceof UncheckedIOException) {
            err.println("error: " + label + ": " + e.getMessage());
        } else {
            err.println("error: " + label + ": " + in + ": " + e.getMessage());
        }
        err.flush();
    }
}
