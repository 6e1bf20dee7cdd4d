package cn.ydcx.gateway.mapping;

import java.io.InputStream;

/** The native file families of SPEC §3 and the reader for each. */
public enum NativeFormat {
    /** header line + comma-separated rows, CSV quoting (ZJ) */
    CSV("csv"),
    /** header line + rows split by another delimiter, CSV-style quoting (AH: |) */
    DELIMITED("delimited"),
    /** one JSON object per line (SH) */
    JSONL("jsonl"),
    /** root element, one RECORD element per record, one child per field (JS) */
    XML("xml");

    private final String key;

    NativeFormat(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static NativeFormat byKey(String key) {
        for (NativeFormat f : values()) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        return null;
    }

    RowReader open(InputStream in, Mapping mapping) {
        return switch (this) {
            case CSV, DELIMITED -> CsvRowReader.open(in, mapping);
            case JSONL -> JsonLinesRowReader.open(in, mapping);
            case XML -> XmlRowReader.open(in, mapping);
        };
    }
}
