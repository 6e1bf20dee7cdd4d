package cn.ydcx.gateway.mapping;

import java.io.Closeable;
import java.util.List;

/**
 * Streams the rows of one native file. Values are addressed by source slot: the index of a
 * native column/key/element name in {@link Mapping#sourceNames()}, resolved once per file so the
 * per-row path does no name lookups where the format allows it.
 */
interface RowReader extends Closeable {

    /** Advances to the next row; false at the end. Whole-file failures throw UnreadableFileException. */
    boolean next();

    /** 1-based position of the current row (header excluded; XML: the RECORD element). */
    long row();

    /** True when the row cannot be mapped at all (wrong column count, JSON that does not parse ...). */
    boolean malformed();

    /** Raw native text of a slot in the current row, or null when absent. */
    String value(int slot);

    /** All raw values of a slot (native arrays); by default the single value, if any. */
    default List<String> values(int slot) {
        String v = value(slot);
        return v == null ? List.of() : List.of(v);
    }

    @Override
    void close();
}
