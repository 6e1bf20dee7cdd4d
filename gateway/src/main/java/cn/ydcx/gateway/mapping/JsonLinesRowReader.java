package cn.ydcx.gateway.mapping;

import cn.ydcx.gateway.model.FieldKind;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SH JSON Lines: one JSON object per line, keys as in the mapping. Lines are split on bytes
 * ({@code \n}, a trailing {@code \r} dropped) and each line is decoded strictly on its own, so a
 * line that is not valid in the declared encoding or does not parse is MALFORMED_ROW for that
 * line only (SPEC §2) and reading goes on. Row numbers count non-blank lines; blank lines (only
 * spaces, tabs, CR) are not rows.
 *
 * <p>Values: strings and numbers are taken as their literal text (numbers never go through
 * double; the amount parser reads the text as BigDecimal); null is absent; a code-array field
 * takes an array of strings (or one string, split like any native label field). A line is
 * MALFORMED_ROW when it is not one object, names a mapped key twice, or gives an object,
 * boolean or array where a single value belongs. Unknown keys are ignored like unmapped columns.
 * A line over {@value #MAX_LINE_BYTES} bytes is MALFORMED_ROW without being buffered.
 *
 * <p>UTF-8 files: a line is checked with {@link Utf8Check} and parsed from its bytes, instead of
 * being decoded into chars first. Lines with a NUL byte or a leading byte-order mark take the char
 * path, because Jackson's byte parser would read them as UTF-16/32 or skip the mark.
 *
 * <p>Before that, a line of the usual shape is read in one pass by {@link JsonLinesFastPath},
 * which gives the same values or answers "unsure" (then the line takes the way above, which
 * also decides every malformed line).
 */
final class JsonLinesRowReader implements RowReader {
    static final int MAX_LINE_BYTES = 1 << 20;
    private static final JsonFactory JSON = new JsonFactory();

    private final InputStream in;
    private final CharsetDecoder decoder;
    /** Parse lines from their bytes (UTF-8 only); false: decode to chars first. */
    private final boolean bytePath;
    /** One-pass reader for the usual line shape (byte path only), or null. */
    private final JsonLinesFastPath fast;
    private final Map<String, Integer> slotOfKey = new HashMap<>();
    private final boolean[] arraySlot;
    private final String[] values;
    private final boolean[] seen;
    private final List<List<String>> arrays;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int len;
    private boolean eof;
    private byte[] line = new byte[4 * 1024];
    private int lineLen;
    private boolean tooLong;
    private CharBuffer chars = CharBuffer.allocate(4 * 1024);
    private long row;
    private boolean malformed;
    private boolean firstLine = true;
    /** Lines {@link #fast} has read so far (tests: it must not silently always say "unsure"). */
    long fastLines;

    private JsonLinesRowReader(InputStream in, Mapping m, boolean bytePath, boolean fastPath) {
        this.in = in;
        this.bytePath = bytePath && StandardCharsets.UTF_8.equals(m.charset());
        this.decoder = m.charset().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> names = m.sourceNames();
        arraySlot = new boolean[names.size()];
        values = new String[names.size()];
        seen = new boolean[names.size()];
        arrays = new ArrayList<>(names.size());
        for (int s = 0; s < names.size(); s++) {
            slotOfKey.put(names.get(s), s);
            arrays.add(null);
        }
        for (FieldBinding b : m.bindings()) {
            if (b.field().kind() == FieldKind.CODE_ARRAY) {
                for (String name : b.sourceNames()) {
                    arraySlot[slotOfKey.get(name)] = true;
                }
            }
        }
        this.fast = this.bytePath && fastPath ? new JsonLinesFastPath(names, arraySlot) : null;
    }

    static RowReader open(InputStream in, Mapping m) {
        return new JsonLinesRowReader(in, m, true, true);
    }

    /** With {@code bytePath} false, every line is decoded to chars first (the reference path, for tests). */
    static RowReader open(InputStream in, Mapping m, boolean bytePath) {
        return new JsonLinesRowReader(in, m, bytePath, true);
    }

    /**
     * With {@code fastPath} false, byte-path lines skip {@link JsonLinesFastPath} and go straight
     * to Utf8Check + Jackson (for tests comparing the two).
     */
    static RowReader open(InputStream in, Mapping m, boolean bytePath, boolean fastPath) {
        return new JsonLinesRowReader(in, m, bytePath, fastPath);
    }

    @Override
    public boolean next() {
        while (readLine()) {
            if (!blank()) {
                row++;
                parse();
                return true;
            }
        }
        if (row == 0) {
            // Like a CSV file without header: most likely a failed export, not "nothing to report".
            throw new UnreadableFileException("file is empty: no JSON line");
        }
        return false;
    }

    @Override
    public long row() {
        return row;
    }

    @Override
    public boolean malformed() {
        return malformed;
    }

    @Override
    public String value(int slot) {
        return values[slot];
    }

    @Override
    public List<String> values(int slot) {
        List<String> a = arrays.get(slot);
        return a != null ? a : RowReader.super.values(slot);
    }

    // ------------------------------------------------------------------ lines

    /** Reads the next physical line into {@link #line}; false at end of input. */
    private boolean readLine() {
        lineLen = 0;
        tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == len && !fill()) {
                break;
            }
            any = true;
            int start = pos;
            pos = ByteScan.indexOf(buf, pos, len, (byte) '\n');
            append(start, pos - start);
            if (pos < len) {
                pos++; // the \n
                break;
            }
        }
        if (!any) {
            return false;
        }
        if (lineLen > 0 && line[lineLen - 1] == '\r') {
            lineLen--;
        }
        if (firstLine) {
            firstLine = false;
            if (lineLen >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
                System.arraycopy(line, 3, line, 0, lineLen - 3);
                lineLen -= 3;
            }
        }
        return true;
    }

    private void append(int from, int n) {
        if (tooLong || n == 0) {
            return;
        }
        if (lineLen + n > MAX_LINE_BYTES) {
            tooLong = true; // keep scanning to the line end, but stop buffering
            lineLen = 0;
            return;
        }
        if (lineLen + n > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLen + n));
        }
        System.arraycopy(buf, from, line, lineLen, n);
        lineLen += n;
    }

    private boolean fill() {
        if (eof) {
            return false;
        }
        try {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                eof = true;
                return false;
            }
            pos = 0;
            len = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean blank() {
        if (tooLong) {
            return false;
        }
        for (int i = 0; i < lineLen; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ one object

    private void parse() {
        clear();
        malformed = tooLong || !(bytePath ? parseBytes() : parseChars());
    }

    private void clear() {
        Arrays.fill(values, null);
        for (int i = 0; i < arrays.size(); i++) {
            arrays.set(i, null);
        }
    }

    private boolean parseBytes() {
        if (fast != null) {
            if (fast.parse(line, lineLen, values, arrays, seen)) {
                fastLines++;
                return true;
            }
            clear(); // "unsure": Jackson decides from scratch (what the fast path filled would be the same anyway)
        }
        int check = Utf8Check.check(line, 0, lineLen);
        if (check == Utf8Check.INVALID) {
            return false;
        }
        boolean bom = lineLen >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF;
        if (check == Utf8Check.VALID_WITH_NUL || bom) {
            return parseChars();
        }
        try {
            return parseObject(JSON.createParser(line, 0, lineLen));
        } catch (IOException e) {
            return false;
        }
    }

    private boolean parseChars() {
        if (!decode()) {
            return false;
        }
        try {
            return parseObject(JSON.createParser(chars.array(), 0, chars.position()));
        } catch (IOException e) {
            return false;
        }
    }

    private boolean decode() {
        if (chars.capacity() < lineLen) {
            chars = CharBuffer.allocate(Math.max(lineLen, chars.capacity() * 2));
        }
        chars.clear();
        decoder.reset();
        CoderResult cr = decoder.decode(ByteBuffer.wrap(line, 0, lineLen), chars, true);
        if (cr.isError()) {
            return false;
        }
        return !decoder.flush(chars).isError();
    }

    private boolean parseObject(JsonParser parser) {
        Arrays.fill(seen, false);
        try (JsonParser p = parser) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                Integer slot = slotOfKey.get(p.currentName());
                t = p.nextToken();
                if (slot == null) {
                    p.skipChildren();
                    continue;
                }
                if (seen[slot] || !value(p, t, slot)) {
                    return false; // a key given twice is ambiguous
                }
                seen[slot] = true;
            }
            return t == JsonToken.END_OBJECT && p.nextToken() == null;
        } catch (IOException e) {
            return false; // JsonProcessingException: the line does not parse
        }
    }

    private boolean value(JsonParser p, JsonToken t, int slot) throws IOException {
        switch (t) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> values[slot] = p.getText();
            case VALUE_NULL -> { }
            case START_ARRAY -> {
                if (!arraySlot[slot]) {
                    return false;
                }
                List<String> items = new ArrayList<>(4);
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (e == JsonToken.VALUE_STRING) {
                        items.add(p.getText());
                    } else if (e != JsonToken.VALUE_NULL) {
                        return false;
                    }
                }
                arrays.set(slot, items);
            }
            default -> {
                return false;
            }
        }
        return true;
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
