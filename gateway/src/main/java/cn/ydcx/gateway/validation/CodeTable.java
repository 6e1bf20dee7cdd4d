package cn.ydcx.gateway.validation;

import cn.ydcx.gateway.model.CodeList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Native label → canonical code for one code list as used by one field. Labels are stored
 * cleaned (SPEC: matched after clean-up). Prefix entries (e.g. {@code 其他-} → OTHER for
 * penalty types) match any label that starts with the prefix and has text after it.
 */
public final class CodeTable {
    private final CodeList list;
    private final Map<String, Enum<?>> labels;
    private final List<Map.Entry<String, Enum<?>>> prefixes;
    private final Map<Enum<?>, String> firstLabel;

    private CodeTable(CodeList list, Map<String, Enum<?>> labels, List<Map.Entry<String, Enum<?>>> prefixes,
                      Map<Enum<?>, String> firstLabel) {
        this.list = list;
        this.labels = Map.copyOf(labels);
        this.prefixes = List.copyOf(prefixes);
        this.firstLabel = Map.copyOf(firstLabel);
    }

    /**
     * The label written for a code on export: the first exact label given for it (file order),
     * e.g. CONFISCATION → 没收违法所得; null when the code has no exact label.
     */
    public String labelOf(Enum<?> code) {
        return firstLabel.get(code);
    }

    public CodeList list() {
        return list;
    }

    /** The code for a cleaned label, or null when the label is unknown. */
    public Enum<?> lookup(String cleaned) {
        Enum<?> c = labels.get(cleaned);
        if (c != null || prefixes.isEmpty()) {
            return c;
        }
        for (Map.Entry<String, Enum<?>> p : prefixes) {
            if (cleaned.length() > p.getKey().length() && cleaned.startsWith(p.getKey())) {
                return p.getValue();
            }
        }
        return null;
    }

    /** A table whose labels are the canonical codes themselves (SH files). */
    public static CodeTable canonical(CodeList list) {
        Builder b = new Builder(list);
        for (Enum<?> e : list.type().getEnumConstants()) {
            b.label(e.name(), e);
        }
        return b.build();
    }

    /** Collects labels; the caller (mapping loader) has already checked the codes exist. */
    public static final class Builder {
        private final CodeList list;
        private final Map<String, Enum<?>> labels = new HashMap<>();
        private final List<Map.Entry<String, Enum<?>>> prefixes = new ArrayList<>();
        private final Map<Enum<?>, String> firstLabel = new HashMap<>();

        public Builder(CodeList list) {
            this.list = list;
        }

        /** Returns the code previously bound to this cleaned label (a conflict), else null. */
        public Enum<?> label(String label, Enum<?> code) {
            String cleaned = TextCleaner.clean(label);
            firstLabel.putIfAbsent(code, cleaned);
            Enum<?> prev = labels.put(cleaned, code);
            return prev == null || prev == code ? null : prev;
        }

        public void prefix(String prefix, Enum<?> code) {
            prefixes.add(Map.entry(TextCleaner.clean(prefix), code));
        }

        public CodeTable build() {
            return new CodeTable(list, labels, prefixes, firstLabel);
        }
    }
}
