package cn.ydcx.gateway.mapping;

import cn.ydcx.gateway.model.CodeList;
import cn.ydcx.gateway.validation.CodeTable;
import java.util.EnumMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * The shared Chinese labels of every code list (mappings/codes.yaml), so that a new label needs a
 * mapping change only. Format: {@code <codeList>: {<label>: <CODE>}}; a label ending in {@code *}
 * is a prefix (e.g. {@code "其他-*": OTHER}).
 */
final class CodeBook {
    private final Map<CodeList, CodeTable> tables;

    private CodeBook(Map<CodeList, CodeTable> tables) {
        this.tables = tables;
    }

    CodeTable table(CodeList list) {
        return tables.get(list);
    }

    static CodeBook load(YamlFile yaml) {
        Map<CodeList, CodeTable> tables = new EnumMap<>(CodeList.class);
        MappingNode root = yaml.map(yaml.root(), "codes file");
        for (Map.Entry<String, NodeTuple> e : yaml.entries(root, "codes file").entrySet()) {
            CodeList list = CodeList.byKey(e.getKey());
            if (list == null) {
                throw yaml.fail(e.getValue().getKeyNode(), "unknown code list '" + e.getKey() + "' (known: "
                        + java.util.Arrays.stream(CodeList.values()).map(CodeList::key).toList() + ")");
            }
            tables.put(list, table(yaml, list, e.getValue().getValueNode()));
        }
        return new CodeBook(tables);
    }

    /** Reads {@code label: CODE} lines of one code list; shared with per-field overrides. */
    static CodeTable table(YamlFile yaml, CodeList list, Node node) {
        CodeTable.Builder b = new CodeTable.Builder(list);
        MappingNode m = yaml.map(node, "labels of " + list.key());
        for (Map.Entry<String, NodeTuple> e : yaml.entries(m, "labels of " + list.key()).entrySet()) {
            Node valueNode = e.getValue().getValueNode();
            String codeName = yaml.scalar(valueNode, "code of label '" + e.getKey() + "'");
            Enum<?> code = list.code(codeName);
            if (code == null) {
                throw yaml.fail(valueNode, "'" + codeName + "' is not a code of " + list.key() + " (codes: "
                        + java.util.Arrays.toString(list.type().getEnumConstants()) + ")");
            }
            String label = e.getKey();
            if (cn.ydcx.gateway.validation.TextCleaner.clean(label.replace("*", "")) == null) {
                throw yaml.fail(e.getValue().getKeyNode(), "label is blank after clean-up");
            }
            if (label.endsWith("*") && label.length() > 1) {
                b.prefix(label.substring(0, label.length() - 1), code);
            } else if (b.label(label, code) != null) {
                throw yaml.fail(e.getValue().getKeyNode(), "label '" + label + "' maps to two codes after clean-up");
            }
        }
        return b.build();
    }
}
