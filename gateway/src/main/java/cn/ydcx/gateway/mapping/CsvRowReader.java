package cn.ydcx.gateway.mapping;

import cn.ydcx.gateway.validation.TextCleaner;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Header line + delimited rows with CSV quoting (ZJ ",", AH "|"). Header names are matched
 * after text clean-up, so a BOM or stray spaces in the header do not matter. Every mapped column
 * must be in the header: a renamed column means the mapping is out of date, and silently treating
 * it as empty would lose data. Blank lines are skipped and are not rows.
 */
final class CsvRowReader implements RowReader {
    private final InputStream in;
    private final DelimitedParser parser;
    private final int width;
    private final int[] columnOfSlot;
    private long row;

    private CsvRowReader(InputStream in, DelimitedParser parser, int width, int[] columnOfSlot) {
        this.in = in;
        this.parser = parser;
        this.width = width;
        this.columnOfSlot = columnOfSlot;
    }

    static RowReader open(InputStream in, Mapping m) {
        DelimitedParser parser = new DelimitedParser(new StrictDecodingReader(in, m.charset()), m.delimiter(),
                m.quote());
        if (!parser.next()) {
            throw new UnreadableFileException("file is empty: no header line");
        }
        if (parser.malformed()) {
            throw new UnreadableFileException("header line is malformed (text after a closing quote)");
        }
        List<String> header = parser.fields();
        return new CsvRowReader(in, parser, header.size(), resolve(header, m));
    }

    private static int[] resolve(List<String> header, Mapping m) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = TextCleaner.clean(header.get(i));
            if (name != null && columns.put(name, i) != null) {
                throw new UnreadableFileException("header names column '" + name + "' twice");
            }
        }
        List<String> names = m.sourceNames();
        int[] slots = new int[names.size()];
        List<String> missing = new ArrayList<>();
        for (int s = 0; s < slots.length; s++) {
            Integer col = columns.get(names.get(s));
            if (col == null) {
                missing.add(names.get(s) + (m.isRequiredSource(names.get(s)) ? " (required)" : ""));
            } else {
                slots[s] = col;
            }
        }
        if (!missing.isEmpty()) {
            throw new UnreadableFileException("header lacks column(s) " + String.join(", ", missing)
                    + " named in " + m.file());
        }
        return slots;
    }

    @Override
    public boolean next() {
        if (!parser.next()) {
            return false;
        }
        row++;
        return true;
    }

    @Override
    public long row() {
        return row;
    }

    @Override
    public boolean malformed() {
        return parser.malformed() || parser.fields().size() != width;
    }

    @Override
    public String value(int slot) {
        return parser.fields().get(columnOfSlot[slot]);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // input only: a failed close loses nothing
        }
    }
}
