package cn.ydcx.gateway.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the PKI files are: {@code <dir>/<suiteDir>/root.crt.pem}, {@code root.key.pem},
 * {@code <name>.crt.pem}, {@code <name>.key.pem}, where name is a node code, {@code auditor}
 * or {@code office-<NODE>}. The directory is a filesystem path or a classpath folder
 * ({@code classpath:certs-sample}, which the build copies into the jar).
 */
public final class PkiLayout {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final String CLASSPATH = "classpath:";

    private final Path dir;          // set for a filesystem layout
    private final String classpath;  // set for a classpath layout, no leading or trailing '/'

    private PkiLayout(Path dir, String classpath) {
        this.dir = dir;
        this.classpath = classpath;
    }

    public static PkiLayout at(Path dir) {
        return new PkiLayout(dir.toAbsolutePath().normalize(), null);
    }

    /** A filesystem path (optionally {@code file:}-prefixed) or {@code classpath:<folder>}. */
    public static PkiLayout resolve(String location) {
        if (location.startsWith(CLASSPATH)) {
            String folder = location.substring(CLASSPATH.length()).replaceAll("^/+|/+$", "");
            return new PkiLayout(null, folder);
        }
        if (location.startsWith("file:")) {
            String rest = location.substring("file:".length());
            return at(Path.of(rest)); // "file:/abs", "file:///abs" and "file:rel" all work
        }
        return at(Path.of(location));
    }

    /** The directory if this is a filesystem layout (null for a classpath one). */
    public Path directory() {
        return dir;
    }

    public X509Certificate rootCertificate(Suite suite) {
        return readCertificates(suite, "root").get(0);
    }

    /** The key and chain (certificate, then the root) of {@code name} in {@code suite}. */
    public NodeCredentials credentials(Suite suite, String name) {
        List<X509Certificate> chain = new ArrayList<>(readCertificates(suite, name));
        X509Certificate root = rootCertificate(suite);
        if (!chain.contains(root)) {
            chain.add(root);
        }
        String rel = relative(suite, name + ".key.pem");
        PrivateKey key;
        try (InputStream in = open(rel)) {
            key = Pem.readPrivateKey(in);
        } catch (IOException e) {
            throw new UncheckedIOException(describe(rel) + ": " + e.getMessage(), e);
        }
        return new NodeCredentials(suite, name, key, chain);
    }

    /** Spring resource string of {@code name}'s certificate, e.g. {@code classpath:certs-sample/es256/ZJ.crt.pem}. */
    public String certificateLocation(Suite suite, String name) {
        return location(relative(suite, name + ".crt.pem"));
    }

    public String privateKeyLocation(Suite suite, String name) {
        return location(relative(suite, name + ".key.pem"));
    }

    public String rootLocation(Suite suite) {
        return location(relative(suite, "root.crt.pem"));
    }

    private List<X509Certificate> readCertificates(Suite suite, String name) {
        String rel = relative(suite, name + ".crt.pem");
        try (InputStream in = open(rel)) {
            List<X509Certificate> certs = Pem.readCertificates(in);
            if (certs.isEmpty()) {
                throw new IOException("no PEM CERTIFICATE block");
            }
            return certs;
        } catch (IOException | IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException(describe(rel) + ": " + e.getMessage(), e));
        }
    }

    private static String relative(Suite suite, String file) {
        String name = file.substring(0, file.indexOf('.'));
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid PKI entity name '" + name + "'");
        }
        return suite.dirName() + "/" + file;
    }

    private InputStream open(String rel) throws IOException {
        if (dir != null) {
            return Files.newInputStream(dir.resolve(rel));
        }
        InputStream in = PkiLayout.class.getClassLoader().getResourceAsStream(classpath + "/" + rel);
        if (in == null) {
            throw new IOException("not found on the classpath");
        }
        return in;
    }

    private String location(String rel) {
        return dir != null ? "file:" + dir.resolve(rel) : CLASSPATH + classpath + "/" + rel;
    }

    private String describe(String rel) {
        return dir != null ? dir.resolve(rel).toString() : CLASSPATH + classpath + "/" + rel;
    }

    @Override
    public String toString() {
        return dir != null ? dir.toString() : CLASSPATH + classpath;
    }
}
