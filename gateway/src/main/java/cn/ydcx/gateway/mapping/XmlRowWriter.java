package cn.ydcx.gateway.mapping;

import java.util.List;

/**
 * JS XML: declaration with the mapping's encoding, the root element, one record element per
 * record with one child per mapped element in mapping order (absent values as empty elements,
 * which read back as absent). Text is escaped by hand (&amp; &lt; &gt;): fast, and it lets a
 * character that XML 1.0 cannot carry at all (C0 controls, U+FFFE/FFFF, lone surrogates) be
 * reported for its field instead of producing a file no parser accepts.
 */
final class XmlRowWriter implements RowWriter {
    private final Mapping mapping;
    private final String[] open;
    private final String[] empty;
    private final String[] close;

    XmlRowWriter(Mapping m) {
        this.mapping = m;
        List<String> names = m.sourceNames();
        open = new String[names.size()];
        empty = new String[names.size()];
        close = new String[names.size()];
        for (int i = 0; i < names.size(); i++) {
            open[i] = "    <" + names.get(i) + ">";
            empty[i] = "    <" + names.get(i) + "/>\n";
            close[i] = "</" + names.get(i) + ">\n";
        }
    }

    @Override
    public void begin(StringBuilder out) {
        out.append("<?xml version=\"1.0\" encoding=\"").append(mapping.charset().name()).append("\"?>\n")
                .append('<').append(mapping.rootElement()).append(">\n");
    }

    @Override
    public void row(Object[] cells, StringBuilder out) throws CellProblem {
        out.append("  <").append(mapping.recordElement()).append(">\n");
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == null) {
                out.append(empty[i]);
            } else {
                out.append(open[i]);
                escape(i, (String) cells[i], out);
                out.append(close[i]);
            }
        }
        out.append("  </").append(mapping.recordElement()).append(">\n");
    }

    private static void escape(int slot, String v, StringBuilder out) throws CellProblem {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\t', '\n' -> out.append(c);
                case '\r' -> out.append("&#13;"); // a raw CR would be read back as LF
                default -> {
                    if (c < 0x20 || c == '\uFFFE' || c == '\uFFFF') {
                        throw new CellProblem(slot, String.format("contains U+%04X, which XML 1.0 cannot carry", (int) c));
                    }
                    if (Character.isSurrogate(c)) {
                        boolean paired = Character.isHighSurrogate(c) && i + 1 < v.length()
                                && Character.isLowSurrogate(v.charAt(i + 1));
                        if (!paired) {
                            throw new CellProblem(slot, String.format("contains a lone surrogate U+%04X", (int) c));
                        }
                        out.append(c).append(v.charAt(++i));
                        continue;
                    }
                    out.append(c);
                }
            }
        }
    }

    @Override
    public void end(StringBuilder out) {
        out.append("</").append(mapping.rootElement()).append(">\n");
    }
}
