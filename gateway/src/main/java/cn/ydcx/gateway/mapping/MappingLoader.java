package cn.ydcx.gateway.mapping;

import cn.ydcx.gateway.model.CanonicalField;
import cn.ydcx.gateway.model.CanonicalFields;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.FieldKind;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.validation.AmountParser;
import cn.ydcx.gateway.validation.CodeTable;
import cn.ydcx.gateway.validation.DateParser;
import cn.ydcx.gateway.validation.TextCleaner;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and checks one {@code mappings/<NODE>/<dataset>.yaml}. Every problem is a
 * MappingException naming file and line; a mapping that loads can be used without further checks.
 */
final class MappingLoader {
    private static final Set<String> KEYS = Set.of("description", "format", "encoding", "bom", "delimiter", "quote",
            "rootElement", "recordElement", "datePattern", "amountUnit", "thousandsSeparator", "codeLabels",
            "fields", "codes");

    private final YamlFile yaml;
    private final NodeCode node;
    private final Dataset dataset;
    private final CodeBook codeBook;
    private Map<String, NodeTuple> top;
    private boolean xml;

    private MappingLoader(YamlFile yaml, NodeCode node, Dataset dataset, CodeBook codeBook) {
        this.yaml = yaml;
        this.node = node;
        this.dataset = dataset;
        this.codeBook = codeBook;
    }

    static Mapping load(YamlFile yaml, NodeCode node, Dataset dataset, CodeBook codeBook) {
        return new MappingLoader(yaml, node, dataset, codeBook).load();
    }

    private Mapping load() {
        MappingNode root = yaml.map(yaml.root(), "mapping file");
        top = yaml.entries(root, "mapping file");
        for (Map.Entry<String, NodeTuple> e : top.entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                throw yaml.fail(e.getValue().getKeyNode(), "unknown key '" + e.getKey() + "' (known: "
                        + KEYS.stream().sorted().toList() + ")");
            }
        }
        NativeFormat format = format();
        xml = format == NativeFormat.XML;
        Charset charset = charset();
        boolean tabular = format == NativeFormat.CSV || format == NativeFormat.DELIMITED;
        char delimiter = tabular ? oneChar("delimiter", null) : 0;
        char quote = tabular ? oneChar("quote", '"') : 0;
        boolean bom = bool("bom", false);
        String rootElement = format == NativeFormat.XML ? string("rootElement", null) : null;
        String recordElement = format == NativeFormat.XML ? string("recordElement", "RECORD") : null;
        if (format == NativeFormat.XML) {
            xmlName(rootElement, "rootElement");
            xmlName(recordElement, "recordElement");
        }
        if (tabular && delimiter == quote) {
            throw yaml.fail(top.get("delimiter").getValueNode(), "delimiter and quote must differ");
        }
        return bindFields(format, charset, bom, delimiter, quote, rootElement, recordElement);
    }

    private Mapping bindFields(NativeFormat format, Charset charset, boolean bom, char delimiter, char quote,
                               String rootElement, String recordElement) {
        Map<String, Node> fieldNodes = new HashMap<>();
        Map<CanonicalField, List<String>> sources = new LinkedHashMap<>();
        NodeTuple fieldsEntry = required("fields");
        MappingNode fields = yaml.map(fieldsEntry.getValueNode(), "fields");
        for (Map.Entry<String, NodeTuple> e : yaml.entries(fields, "fields").entrySet()) {
            CanonicalField f = CanonicalFields.find(dataset, e.getKey());
            if (f == null) {
                throw yaml.fail(e.getValue().getKeyNode(), "unknown canonical field '" + e.getKey() + "' for dataset "
                        + dataset + " (known: " + CanonicalFields.of(dataset).stream().map(CanonicalField::path).toList()
                        + ")");
            }
            sources.put(f, sourceNames(f, e.getValue().getValueNode()));
            fieldNodes.put(f.path(), e.getValue().getKeyNode());
        }
        for (CanonicalField f : CanonicalFields.of(dataset)) {
            if (f.mustMap() && !sources.containsKey(f)) {
                throw yaml.fail(fieldsEntry.getKeyNode(), (f.required() ? "required" : "conditionally required") + " canonical field '"
                        + f.path() + "' has no source under fields:");
            }
        }
        Map<String, CodeTable> overrides = overrides(sources);
        boolean canonicalCodes = codeLabels();
        DateParser dates = needs(sources, FieldKind.DATE, FieldKind.VALID_TO) ? dateParser() : null;
        AmountParser amounts = needs(sources, FieldKind.AMOUNT) ? amountParser() : null;

        List<String> names = new ArrayList<>();
        List<FieldBinding> bindings = new ArrayList<>();
        for (Map.Entry<CanonicalField, List<String>> e : sources.entrySet()) {
            CanonicalField f = e.getKey();
            int[] slots = new int[e.getValue().size()];
            for (int i = 0; i < slots.length; i++) {
                String name = e.getValue().get(i);
                int slot = names.indexOf(name);
                if (slot < 0) {
                    slot = names.size();
                    names.add(name);
                }
                slots[i] = slot;
            }
            CodeTable codes = null;
            if (f.codeList() != null) {
                codes = overrides.containsKey(f.path()) ? overrides.get(f.path())
                        : canonicalCodes ? CodeTable.canonical(f.codeList()) : codeBook.table(f.codeList());
                if (codes == null) {
                    throw yaml.fail(fieldNodes.get(f.path()), "no labels for code list '" + f.codeList().key()
                            + "': add them to codes.yaml or under codes: " + f.path());
                }
            }
            bindings.add(new FieldBinding(f, e.getValue(), slots, codes, dates, amounts));
        }
        bindings.sort(java.util.Comparator.comparingInt(b -> b.field().index()));
        return new Mapping(yaml.file(), node, dataset, format, charset, bom, delimiter, quote, rootElement,
                recordElement, names, bindings, canonicalCodes);
    }

    private List<String> sourceNames(CanonicalField f, Node value) {
        List<String> names = new ArrayList<>();
        if (value instanceof SequenceNode seq) {
            if (f.kind() != FieldKind.CODE_ARRAY) {
                throw yaml.fail(value, "only a code-array field can be read from several sources; '" + f.path()
                        + "' is " + f.kind());
            }
            for (Node n : seq.getValue()) {
                names.add(sourceName(n, f));
            }
            if (names.isEmpty()) {
                throw yaml.fail(value, "no source for '" + f.path() + "'");
            }
        } else {
            names.add(sourceName(value, f));
        }
        return names;
    }

    private String sourceName(Node n, CanonicalField f) {
        String raw = yaml.scalar(n, "source of " + f.path());
        String name = TextCleaner.clean(raw);
        if (name == null) {
            throw yaml.fail(n, "source of " + f.path() + " is blank");
        }
        if (xml && !isXmlName(name)) {
            throw yaml.fail(n, "'" + name + "' (source of " + f.path() + ") is not an XML element name");
        }
        return name; // header names are compared after clean-up too
    }

    private Map<String, CodeTable> overrides(Map<CanonicalField, List<String>> sources) {
        Map<String, CodeTable> out = new HashMap<>();
        NodeTuple codes = top.get("codes");
        if (codes == null) {
            return out;
        }
        MappingNode m = yaml.map(codes.getValueNode(), "codes");
        for (Map.Entry<String, NodeTuple> e : yaml.entries(m, "codes").entrySet()) {
            CanonicalField f = CanonicalFields.find(dataset, e.getKey());
            Node key = e.getValue().getKeyNode();
            if (f == null || f.codeList() == null) {
                throw yaml.fail(key, "'" + e.getKey() + "' is not a coded canonical field of dataset " + dataset);
            }
            if (!sources.containsKey(f)) {
                throw yaml.fail(key, "codes given for '" + e.getKey() + "' which has no source under fields:");
            }
            out.put(f.path(), CodeBook.table(yaml, f.codeList(), e.getValue().getValueNode()));
        }
        return out;
    }

    /** codeLabels: labels (default, Chinese labels of codes.yaml) or canonical (the codes themselves, SH). */
    private boolean codeLabels() {
        String v = string("codeLabels", "labels");
        if (!v.equals("labels") && !v.equals("canonical")) {
            throw yaml.fail(top.get("codeLabels").getValueNode(), "codeLabels must be labels or canonical, not '" + v + "'");
        }
        return v.equals("canonical");
    }

    private static boolean needs(Map<CanonicalField, List<String>> sources, FieldKind... kinds) {
        for (CanonicalField f : sources.keySet()) {
            for (FieldKind k : kinds) {
                if (f.kind() == k) {
                    return true;
                }
            }
        }
        return false;
    }

    private NativeFormat format() {
        NodeTuple t = required("format");
        String v = yaml.scalar(t.getValueNode(), "format");
        NativeFormat f = NativeFormat.byKey(v);
        if (f == null) {
            throw yaml.fail(t.getValueNode(), "unknown format '" + v + "' (known: csv, delimited, jsonl, xml)");
        }
        return f;
    }

    private Charset charset() {
        NodeTuple t = required("encoding");
        String v = yaml.scalar(t.getValueNode(), "encoding");
        try {
            return Charset.forName(v);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw yaml.fail(t.getValueNode(), "unknown encoding '" + v + "'");
        }
    }

    private DateParser dateParser() {
        NodeTuple t = required("datePattern");
        String v = yaml.scalar(t.getValueNode(), "datePattern");
        try {
            return new DateParser(v);
        } catch (IllegalArgumentException e) {
            throw yaml.fail(t.getValueNode(), "bad datePattern '" + v + "': " + e.getMessage());
        }
    }

    private AmountParser amountParser() {
        NodeTuple t = required("amountUnit");
        String v = yaml.scalar(t.getValueNode(), "amountUnit");
        AmountParser.Unit unit = switch (v) {
            case "yuan", "元" -> AmountParser.Unit.YUAN;
            case "wan-yuan", "万元" -> AmountParser.Unit.WAN_YUAN;
            default -> throw yaml.fail(t.getValueNode(), "unknown amountUnit '" + v + "' (known: yuan, wan-yuan)");
        };
        return new AmountParser(unit, oneChar("thousandsSeparator", (char) 0));
    }

    private void xmlName(String name, String key) {
        if (!isXmlName(name)) {
            throw yaml.fail(top.get(key) != null ? top.get(key).getValueNode() : yaml.root(),
                    key + " '" + name + "' is not an XML element name");
        }
    }

    // The writer emits these names as tags, so they must be plain XML names (no prefix, no spaces).
    static boolean isXmlName(String s) {
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
                return false;
            }
        }
        return !s.regionMatches(true, 0, "xml", 0, 3);
    }

    private NodeTuple required(String key) {
        NodeTuple t = top.get(key);
        if (t == null) {
            throw yaml.fail(yaml.root(), "missing required key '" + key + "'");
        }
        return t;
    }

    private String string(String key, String dflt) {
        NodeTuple t = dflt == null ? required(key) : top.get(key);
        return t == null ? dflt : yaml.scalar(t.getValueNode(), key);
    }

    private char oneChar(String key, Character dflt) {
        NodeTuple t = dflt == null ? required(key) : top.get(key);
        if (t == null) {
            return dflt;
        }
        String v = yaml.scalar(t.getValueNode(), key);
        if (v.length() != 1) {
            throw yaml.fail(t.getValueNode(), key + " must be exactly one character, not '" + v + "'");
        }
        return v.charAt(0);
    }

    private boolean bool(String key, boolean dflt) {
        NodeTuple t = top.get(key);
        if (t == null) {
            return dflt;
        }
        String v = yaml.scalar(t.getValueNode(), key);
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw yaml.fail(t.getValueNode(), key + " must be true or false, not '" + v + "'");
        };
    }
}
