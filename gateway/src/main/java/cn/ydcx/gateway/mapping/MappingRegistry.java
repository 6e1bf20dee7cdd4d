package cn.ydcx.gateway.mapping;

import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.NodeCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All mapping files of a source, loaded and checked once: {@code codes.yaml} (shared labels) and
 * every {@code <NODE>/<dataset>.yaml} for the four provinces.
 */
public final class MappingRegistry {
    public static final String CODES_FILE = "codes.yaml";

    private final MappingSource source;
    private final Map<String, Mapping> mappings;

    private MappingRegistry(MappingSource source, Map<String, Mapping> mappings) {
        this.source = source;
        this.mappings = mappings;
    }

    /** @throws MappingException naming file and line of the first problem found */
    public static MappingRegistry load(MappingSource source) {
        checkForStrayFiles(source);
        CodeBook codes = CodeBook.load(yaml(source, CODES_FILE, true));
        Map<String, Mapping> mappings = new HashMap<>();
        for (NodeCode node : NodeCode.provinces()) {
            for (Dataset dataset : Dataset.values()) {
                YamlFile y = yaml(source, relativePath(node, dataset), false);
                if (y != null) {
                    mappings.put(relativePath(node, dataset), MappingLoader.load(y, node, dataset, codes));
                }
            }
        }
        return new MappingRegistry(source, mappings);
    }

    /** @throws MappingException when the node has no mapping file for the dataset */
    public Mapping get(NodeCode node, Dataset dataset) {
        Mapping m = mappings.get(relativePath(node, dataset));
        if (m == null) {
            throw new MappingException("no mapping for " + node + "/" + dataset + ": expected "
                    + source.describe(relativePath(node, dataset)));
        }
        return m;
    }

    public boolean has(NodeCode node, Dataset dataset) {
        return mappings.containsKey(relativePath(node, dataset));
    }

    /** Every loaded mapping (for checks and listings). */
    public List<Mapping> all() {
        return mappings.values().stream()
                .sorted(java.util.Comparator.comparing(Mapping::file))
                .toList();
    }

    static String relativePath(NodeCode node, Dataset dataset) {
        return node.name() + "/" + dataset.code() + ".yaml";
    }

    private static YamlFile yaml(MappingSource source, String rel, boolean required) {
        try (InputStream in = source.open(rel)) {
            if (in == null) {
                if (required) {
                    throw new MappingException("missing " + source.describe(rel));
                }
                return null;
            }
            return new YamlFile(source.describe(rel), in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source.describe(rel), e);
        }
    }

    // A misspelt file name (ZJ/penalties.yaml) would otherwise be silently ignored.
    private static void checkForStrayFiles(MappingSource source) {
        for (String rel : source.list()) {
            if (!(rel.endsWith(".yaml") || rel.endsWith(".yml"))) {
                continue;
            }
            boolean known = NodeCode.provinces().stream()
                    .anyMatch(n -> Arrays.stream(Dataset.values()).anyMatch(d -> relativePath(n, d).equals(rel)));
            if (!known) {
                throw new MappingException("unexpected mapping file " + source.describe(rel)
                        + ": mapping files are <NODE>/<dataset>.yaml with NODE one of " + NodeCode.provinces()
                        + " and dataset one of " + Arrays.toString(Dataset.values()));
            }
        }
    }
}
