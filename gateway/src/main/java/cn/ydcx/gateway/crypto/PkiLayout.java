package cn.ydcx.gateway.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the PKI files are: {@code <dir>/<suiteDir>/root.crt.pem}, {@code root.key.pem},
 * {@code <name>.crt.pem}, {@code <name>.key.pem}, where name is a node code, {@code auditor}
 * or {@code office-<NODE>}. The directory is a filesystem path or a classpath folder
 * ({@code classpath:certs-sample}, which the build copies into the jar).
 */
public final class PkiLayout {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9][A-Za-z0-9_-]*)?");
    private static final String CLASSPATH = "classpath:";
    /** File name of a suite root's certificate revocation list. */
    public static final String CRL_FILE = "root.crl.pem";
    /** First characters of a key file generated as a sample (see PkiGenerator). */
    public static final String SAMPLE_KEY_MARKER = "SAMPLE KEY";

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

    /** Whether {@code name} is a valid file stem: a PKI entity name with at most one dotted suffix, never a path. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
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

    /** Spring/Tomcat resource string of the root's CRL ({@code <suite>/root.crl.pem}). */
    public String crlLocation(Suite suite) {
        return location(relative(suite, CRL_FILE));
    }

    /** The CRL file of a filesystem layout (it may not exist yet); null for a classpath layout. */
    public Path crlFile(Suite suite) {
        return dir == null ? null : dir.resolve(relative(suite, CRL_FILE));
    }

    /** The CRL's PEM bytes, or empty when this layout publishes no CRL for {@code suite}. */
    public Optional<byte[]> readCrl(Suite suite) throws IOException {
        String rel = relative(suite, CRL_FILE);
        if (dir != null && !Files.exists(dir.resolve(rel))) {
            return Optional.empty();
        }
        if (dir == null && PkiLayout.class.getClassLoader().getResource(classpath + "/" + rel) == null) {
            return Optional.empty();
        }
        try (InputStream in = open(rel)) {
            return Optional.of(in.readAllBytes());
        }
    }

    /**
     * Whether {@code name}'s key file is marked as a SAMPLE key (first line starts with
     * {@value #SAMPLE_KEY_MARKER}), as every key of the committed sample PKI is.
     */
    public boolean isSampleKey(Suite suite, String name) {
        String rel = relative(suite, name + ".key.pem");
        try (InputStream in = open(rel)) {
            byte[] head = in.readNBytes(SAMPLE_KEY_MARKER.length());
            return new String(head, StandardCharsets.US_ASCII).equals(SAMPLE_KEY_MARKER);
        } catch (IOException e) {
            throw new UncheckedIOException(describe(rel) + ": " + e.getMessage(), e);
        }
    }

    /** Human-readable location of {@code name}'s key file, for messages (never its content). */
    public String describeKey(Suite suite, String name) {
        return describe(relative(suite, name + ".key.pem"));
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
        // every file is <name>.crt.pem, <name>.key.pem or root.crl.pem; a name may carry one
        // dotted suffix for a rotated certificate (ZJ.next), never a path
        String name = file.substring(0, file.length() - ".crt.pem".length());
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
