package cn.ydcx.gateway.mapping;

import cn.ydcx.gateway.model.FieldKind;
import cn.ydcx.gateway.validation.DateParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Canonical value → native cell(s) of one field binding, driven by the mapping only: dates in
 * the node's pattern, amounts in its unit, codes as its labels, penalty types joined with ";"
 * (JSON: an array) or one label per column. validTo 9999-12-31 is written 长期 where the node
 * uses Chinese labels and as the date itself where it uses canonical codes (SH).
 */
final class CellFormatter {
    private final FieldBinding binding;
    private final Mapping mapping;
    private final boolean jsonArrays;
    private final boolean permanentLabel;

    CellFormatter(FieldBinding binding, Mapping mapping) {
        this.binding = binding;
        this.mapping = mapping;
        this.jsonArrays = mapping.format() == NativeFormat.JSONL;
        this.permanentLabel = !mapping.canonicalLabels();
    }

    FieldBinding binding() {
        return binding;
    }

    /** Puts the native form of {@code value} (non-null) into cells by slot; returns a problem or null. */
    String format(Object value, Object[] cells) {
        int slot = binding.slots()[0];
        String path = binding.field().path();
        FieldKind kind = binding.field().kind();
        switch (kind) {
            case DATE, VALID_TO -> {
                if (kind == FieldKind.VALID_TO && permanentLabel && DateParser.PERMANENT.equals(value)) {
                    cells[slot] = DateParser.PERMANENT_LABEL;
                    return null;
                }
                String d = binding.dates().format((String) value);
                if (d == null) {
                    return path + " '" + value + "' is not a yyyy-MM-dd date";
                }
                cells[slot] = d;
            }
            case AMOUNT -> {
                String a = binding.amounts().format((String) value);
                if (a == null) {
                    return path + " '" + value + "' is not a non-negative decimal amount";
                }
                cells[slot] = a;
            }
            case CODE -> {
                String label = label((Enum<?>) value);
                if (label == null) {
                    return noLabel(value);
                }
                cells[slot] = label;
            }
            case CODE_ARRAY -> {
                return codes((List<?>) value, cells);
            }
            default -> cells[slot] = value;
        }
        return null;
    }

    private String codes(List<?> codes, Object[] cells) {
        int[] slots = binding.slots();
        List<String> labels = new ArrayList<>(codes.size());
        for (Object c : codes) {
            String label = label((Enum<?>) c);
            if (label == null) {
                return noLabel(c);
            }
            labels.add(label);
        }
        if (slots.length == 1) {
            cells[slots[0]] = jsonArrays ? labels : String.join(";", labels);
            return null;
        }
        if (labels.size() > slots.length) {
            return binding.field().path() + " has " + labels.size() + " codes " + codes + " but " + mapping.file()
                    + " has only " + slots.length + " columns for it " + binding.sourceNames();
        }
        for (int i = 0; i < labels.size(); i++) {
            cells[slots[i]] = labels.get(i);
        }
        return null;
    }

    private String label(Enum<?> code) {
        return binding.codes().labelOf(code);
    }

    private String noLabel(Object code) {
        return binding.field().path() + " code " + code + " has no label to write in " + mapping.file();
    }
}
