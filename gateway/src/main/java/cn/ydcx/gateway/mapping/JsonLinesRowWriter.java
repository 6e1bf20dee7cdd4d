package cn.ydcx.gateway.mapping;

import cn.ydcx.gateway.model.FieldKind;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * SH JSON Lines: one object per record, keys in mapping order, absent values omitted, amounts as
 * JSON numbers written from their exact decimal text, code arrays as JSON arrays. One Jackson
 * generator is reused for the whole file; it writes into the exporter's per-record buffer.
 */
final class JsonLinesRowWriter implements RowWriter {
    private static final JsonFactory JSON = new JsonFactory();
    private final List<String> names;
    private final boolean[] numeric;
    private final BufferWriter target = new BufferWriter();
    private final JsonGenerator gen;

    JsonLinesRowWriter(Mapping m) {
        this.names = m.sourceNames();
        this.numeric = new boolean[names.size()];
        for (FieldBinding b : m.bindings()) {
            if (b.field().kind() == FieldKind.AMOUNT) {
                for (int s : b.slots()) {
                    numeric[s] = true;
                }
            }
        }
        try {
            gen = JSON.createGenerator(target);
            gen.setRootValueSeparator(null); // the newline after each object is ours
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void begin(StringBuilder out) {
    }

    @Override
    public void row(Object[] cells, StringBuilder out) {
        target.out = out;
        try {
            gen.writeStartObject();
            for (int i = 0; i < cells.length; i++) {
                Object v = cells[i];
                if (v == null) {
                    continue;
                }
                gen.writeFieldName(names.get(i));
                if (v instanceof List<?> list) {
                    gen.writeStartArray();
                    for (Object item : list) {
                        gen.writeString((String) item);
                    }
                    gen.writeEndArray();
                } else if (numeric[i]) {
                    gen.writeNumber((String) v); // already a validated plain decimal
                } else {
                    gen.writeString((String) v);
                }
            }
            gen.writeEndObject();
            gen.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writes into memory only
        }
        out.append('\n');
    }

    @Override
    public void end(StringBuilder out) {
    }

    /** Lets the generator write straight into the current record buffer. */
    private static final class BufferWriter extends Writer {
        StringBuilder out;

        @Override
        public void write(char[] cbuf, int off, int len) {
            out.append(cbuf, off, len);
        }

        @Override
        public void write(String str, int off, int len) {
            out.append(str, off, off + len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
