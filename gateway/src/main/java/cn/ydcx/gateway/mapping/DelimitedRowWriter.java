package cn.ydcx.gateway.mapping;

import java.util.List;

/**
 * CSV (ZJ) and delimited (AH) files: optional BOM, a header line of the mapping's column names
 * in mapping order, CRLF line ends; a value containing the delimiter, the quote or a line break
 * is quoted with doubled inner quotes, the way {@link DelimitedParser} reads it back.
 */
final class DelimitedRowWriter implements RowWriter {
    private final Mapping mapping;
    private final char delimiter;
    private final char quote;

    DelimitedRowWriter(Mapping m) {
        this.mapping = m;
        this.delimiter = m.delimiter();
        this.quote = m.quote();
    }

    @Override
    public void begin(StringBuilder out) {
        if (mapping.bom()) {
            out.append('\uFEFF');
        }
        List<String> names = mapping.sourceNames();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            cell(names.get(i), out);
        }
        out.append("\r\n");
    }

    @Override
    public void row(Object[] cells, StringBuilder out) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            if (cells[i] != null) {
                cell((String) cells[i], out);
            }
        }
        out.append("\r\n");
    }

    private void cell(String v, StringBuilder out) {
        if (!needsQuotes(v)) {
            out.append(v);
            return;
        }
        out.append(quote);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == quote) {
                out.append(quote);
            }
            out.append(c);
        }
        out.append(quote);
    }

    private boolean needsQuotes(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == delimiter || c == quote || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void end(StringBuilder out) {
    }
}
