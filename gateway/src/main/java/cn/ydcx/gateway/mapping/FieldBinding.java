package cn.ydcx.gateway.mapping;

import cn.ydcx.gateway.model.CanonicalField;
import cn.ydcx.gateway.validation.AmountParser;
import cn.ydcx.gateway.validation.CodeTable;
import cn.ydcx.gateway.validation.DateParser;
import cn.ydcx.gateway.validation.TextCleaner;
import cn.ydcx.gateway.validation.Uscc;
import java.util.ArrayList;
import java.util.List;

/**
 * One canonical field bound to its native source(s): reads, cleans and converts the field of a
 * row according to the field's kind. Reason strings are built once here, not per row.
 */
final class FieldBinding {
    private final CanonicalField field;
    private final List<String> sourceNames;
    private final int[] slots;
    private final CodeTable codes;
    private final DateParser dates;
    private final AmountParser amounts;
    private final String badReason;

    FieldBinding(CanonicalField field, List<String> sourceNames, int[] slots, CodeTable codes, DateParser dates,
                 AmountParser amounts) {
        this.field = field;
        this.sourceNames = List.copyOf(sourceNames);
        this.slots = slots.clone();
        this.codes = codes;
        this.dates = dates;
        this.amounts = amounts;
        this.badReason = switch (field.kind()) {
            case USCC -> "INVALID_USCC:";
            case DATE, VALID_TO -> "BAD_DATE:";
            case AMOUNT -> "BAD_AMOUNT:";
            case CODE, CODE_ARRAY -> "UNKNOWN_CODE:";
            case SHA256 -> "BAD_HASH:";
            default -> "";
        } + field.path();
    }

    CanonicalField field() {
        return field;
    }

    List<String> sourceNames() {
        return sourceNames;
    }

    CodeTable codes() {
        return codes;
    }

    int[] slots() {
        return slots;
    }

    DateParser dates() {
        return dates;
    }

    AmountParser amounts() {
        return amounts;
    }

    /**
     * The cleaned, typed value of this field in the current row, or null when absent. A value
     * that is present but wrong sets {@code reasons[field.index()]}.
     */
    Object read(RowReader row, String[] reasons) {
        String raw = slots.length == 1 ? row.value(slots[0]) : null;
        return switch (field.kind()) {
            case TEXT -> TextCleaner.clean(raw);
            case NAME -> TextCleaner.name(raw);
            case IDENTIFIER -> TextCleaner.identifier(raw);
            case ID_NUMBER -> TextCleaner.upperIdentifier(raw);
            case USCC -> check(TextCleaner.upperIdentifier(raw), reasons);
            case DATE -> parsed(raw, reasons, false);
            case VALID_TO -> parsed(raw, reasons, true);
            case AMOUNT -> amount(raw, reasons);
            case CODE -> code(raw, reasons);
            case CODE_ARRAY -> codes(row, reasons);
            case SHA256 -> sha256(raw, reasons);
        };
    }

    private String check(String uscc, String[] reasons) {
        if (uscc != null && !Uscc.isValid(uscc)) {
            reasons[field.index()] = badReason;
        }
        return uscc;
    }

    private String parsed(String raw, String[] reasons, boolean validTo) {
        String c = TextCleaner.clean(raw);
        if (c == null) {
            return null;
        }
        String d = validTo ? dates.parseValidTo(c) : dates.parse(c);
        if (d == null) {
            reasons[field.index()] = badReason;
        }
        return d;
    }

    private String amount(String raw, String[] reasons) {
        String c = TextCleaner.clean(raw);
        if (c == null) {
            return null;
        }
        String a = amounts.parse(c);
        if (a == null) {
            reasons[field.index()] = badReason;
        }
        return a;
    }

    private Object code(String raw, String[] reasons) {
        String c = TextCleaner.clean(raw);
        if (c == null) {
            return null;
        }
        Object code = codes.lookup(c);
        if (code == null) {
            reasons[field.index()] = badReason;
        }
        return code;
    }

    /** Labels of every source in order, each split on ; and ；, kept once at first position. */
    private List<Enum<?>> codes(RowReader row, String[] reasons) {
        List<Enum<?>> out = new ArrayList<>(4);
        for (int slot : slots) {
            for (String raw : row.values(slot)) {
                splitInto(raw, out, reasons);
            }
        }
        return out.isEmpty() ? null : out;
    }

    private void splitInto(String raw, List<Enum<?>> out, String[] reasons) {
        int start = 0;
        int n = raw.length();
        for (int i = 0; i <= n; i++) {
            if (i == n || raw.charAt(i) == ';' || raw.charAt(i) == '；') {
                String label = TextCleaner.clean(raw.substring(start, i));
                start = i + 1;
                if (label == null) {
                    continue; // "罚款；" or "；；": nothing between separators
                }
                Enum<?> code = codes.lookup(label);
                if (code == null) {
                    reasons[field.index()] = badReason;
                } else if (!out.contains(code)) {
                    out.add(code);
                }
            }
        }
    }

    private String sha256(String raw, String[] reasons) {
        String c = TextCleaner.clean(raw);
        if (c == null) {
            return null;
        }
        boolean ok = c.length() == 64;
        StringBuilder b = new StringBuilder(64);
        for (int i = 0; ok && i < c.length(); i++) {
            char ch = Character.toLowerCase(c.charAt(i));
            ok = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f');
            b.append(ch);
        }
        if (!ok) {
            reasons[field.index()] = badReason;
            return c;
        }
        return b.toString();
    }
}
