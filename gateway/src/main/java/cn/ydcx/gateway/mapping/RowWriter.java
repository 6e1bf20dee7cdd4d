package cn.ydcx.gateway.mapping;

/**
 * Writes native text of one format: the file's head, one record at a time, the file's tail. Each
 * call appends to a buffer that the exporter encodes and writes only when the whole record could
 * be rendered, so a record that fails leaves nothing behind.
 */
interface RowWriter {
    void begin(StringBuilder out);

    /** Appends one record; cells by source slot, null = absent. */
    void row(Object[] cells, StringBuilder out) throws CellProblem;

    void end(StringBuilder out);

    static RowWriter of(Mapping m) {
        return switch (m.format()) {
            case CSV, DELIMITED -> new DelimitedRowWriter(m);
            case JSONL -> new JsonLinesRowWriter(m);
            case XML -> new XmlRowWriter(m);
        };
    }

    /** A cell that the format cannot hold (e.g. a character XML 1.0 forbids). */
    final class CellProblem extends Exception {
        private final int slot;

        CellProblem(int slot, String message) {
            super(message, null, false, false); // expected outcome, no stack trace needed
            this.slot = slot;
        }

        int slot() {
            return slot;
        }
    }
}
