package cn.ydcx.gateway.mapping;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A YAML file read with SnakeYAML's node API, so that every complaint can name file and line.
 * Scalars are taken as written (no YAML type guessing: {@code 1} and {@code "1"} are both "1").
 */
final class YamlFile {
    private final String file;
    private final Node root;

    YamlFile(String file, InputStream in) {
        this.file = file;
        try {
            this.root = new Yaml().compose(new StrictDecodingReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new MappingException(file + (m == null ? "" : " line " + (m.getLine() + 1)) + ": YAML syntax error: "
                    + (e.getProblem() != null ? e.getProblem() : e.getMessage()), e);
        } catch (YAMLException | UnreadableFileException e) {
            throw new MappingException(file + ": cannot read YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new MappingException(file + " line 1: file is empty");
        }
    }

    String file() {
        return file;
    }

    Node root() {
        return root;
    }

    MappingException fail(Node at, String message) {
        return new MappingException(file + " line " + (at.getStartMark().getLine() + 1) + ": " + message);
    }

    MappingNode map(Node n, String what) {
        if (!(n instanceof MappingNode m)) {
            throw fail(n, what + " must be a mapping of key: value lines");
        }
        return m;
    }

    String scalar(Node n, String what) {
        if (!(n instanceof ScalarNode s)) {
            throw fail(n, what + " must be a single value");
        }
        if (s.getValue().isEmpty()) {
            throw fail(n, what + " is empty");
        }
        return s.getValue();
    }

    /** Key text → (key node, value node), in file order; a repeated key is an error. */
    Map<String, NodeTuple> entries(MappingNode m, String what) {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = scalar(t.getKeyNode(), "a key of " + what);
            if (out.put(key, t) != null) {
                throw fail(t.getKeyNode(), "'" + key + "' appears twice in " + what);
            }
        }
        return out;
    }
}
