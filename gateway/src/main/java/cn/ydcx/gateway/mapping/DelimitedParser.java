package cn.ydcx.gateway.mapping;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming RFC 4180-style record splitter with a configurable delimiter (ZJ ",", AH "|").
 * A field that starts with the quote character is quoted: doubled quotes inside stand for one,
 * and delimiters and line breaks inside are data. A quote inside an unquoted field is data.
 *
 * <p>Why not commons-csv: 1.14 needs commons-io at run time, which this build only has for
 * tests, and it cannot resynchronise after a bad quote. Here a closing quote followed by other
 * text makes just that record malformed (MALFORMED_ROW) and parsing resumes at the next line; an
 * unterminated quote would swallow the rest of the file, so it fails the whole file instead.
 */
final class DelimitedParser {
    /**
     * Memory bounds, so one bad row cannot exhaust a streaming run's heap: a record with more
     * fields, or an unquoted value longer than this, is malformed (rest of its line skipped); a
     * quoted value longer than MAX_FIELD_CHARS fails the file, as it almost surely is a quote that
     * is never closed swallowing the rest of the file.
     */
    static final int MAX_FIELDS = 10_000;
    static final int MAX_FIELD_CHARS = 1 << 20;

    private final Reader in;
    private final char delimiter;
    private final char quote;
    private final char[] buf = new char[32 * 1024];
    private int pos;
    private int len;
    private long line = 1; // physical line of the next character (for messages)
    /** Field text that spans a buffer refill, a quoted field or a doubled quote; else unused. */
    private final StringBuilder field = new StringBuilder(64);
    /** The field just read by {@link #readField}. */
    private String value;
    private final List<String> fields = new ArrayList<>(32);
    private boolean malformed;
    private long recordLine;

    DelimitedParser(Reader in, char delimiter, char quote) {
        this.in = in;
        this.delimiter = delimiter;
        this.quote = quote;
    }

    /** The fields of the current record (reused between records). */
    List<String> fields() {
        return fields;
    }

    /** The current record had text after a closing quote. */
    boolean malformed() {
        return malformed;
    }

    /** Physical line where the current record starts. */
    long line() {
        return recordLine;
    }

    /** Reads the next non-blank record; false at end of input. */
    boolean next() {
        while (true) {
            int c = peek();
            if (c < 0) {
                return false;
            }
            if (c == '\n' || c == '\r') {
                endOfLine(); // blank line: not a record
                continue;
            }
            readRecord();
            return true;
        }
    }

    private void readRecord() {
        fields.clear();
        malformed = false;
        recordLine = line;
        while (true) {
            boolean more = readField();
            fields.add(value);
            if (!more) {
                return;
            }
            if (fields.size() >= MAX_FIELDS) {
                malformed = true;
                skipLine();
                return;
            }
        }
    }

    /** Reads one field into {@link #value}; true when a delimiter follows (another field). */
    private boolean readField() {
        field.setLength(0);
        int c = peek();
        if (c == quote) {
            pos++;
            boolean more = readQuoted();
            value = field.toString();
            return more;
        }
        // Unquoted: scan the buffer for the end of the field and copy it once; only a field
        // that spans a refill goes through the StringBuilder.
        while (true) {
            if (peek() < 0) {
                value = field.toString();
                return false;
            }
            int start = pos;
            int i = start;
            char[] b = buf;
            int end = len;
            while (i < end) {
                char ch = b[i];
                if (ch == delimiter || ch == '\n' || ch == '\r') {
                    break;
                }
                i++;
            }
            if (field.length() + (i - start) > MAX_FIELD_CHARS) {
                // as if read char by char: the field holds its first MAX_FIELD_CHARS, the rest of
                // the line (no line break in between) is skipped
                field.append(b, start, MAX_FIELD_CHARS - field.length());
                value = field.toString();
                pos = i;
                malformed = true;
                skipLine();
                return false;
            }
            pos = i;
            if (i == end) {
                field.append(b, start, i - start); // buffer exhausted mid-field: keep and refill
                continue;
            }
            if (field.length() == 0) {
                value = new String(b, start, i - start);
            } else {
                value = field.append(b, start, i - start).toString();
            }
            if (b[i] == delimiter) {
                pos++;
                return true;
            }
            endOfLine();
            return false;
        }
    }

    private boolean readQuoted() {
        long start = line;
        while (true) {
            int c = peek();
            if (c < 0) {
                throw new UnreadableFileException("quoted value opened on line " + start + " is never closed");
            }
            if (c != quote && c != '\n' && c != '\r') {
                appendPlainRun(start); // most of a quoted value: copy up to the next quote or line break
                continue;
            }
            pos++;
            if (c == quote) {
                int d = peek();
                if (d == quote) {
                    field.append(quote);
                    pos++;
                    continue;
                }
                if (d == delimiter) {
                    pos++;
                    return true;
                }
                if (d < 0) {
                    return false;
                }
                if (d == '\n' || d == '\r') {
                    endOfLine();
                    return false;
                }
                malformed = true; // "abc"x — skip the rest of this line
                skipLine();
                return false;
            }
            if (c == '\n') {
                line++;
            } else if (c == '\r') {
                if (peek() != '\n') {
                    line++;
                }
            }
            if (field.length() >= MAX_FIELD_CHARS) {
                throw tooLong(start);
            }
            field.append((char) c);
        }
    }

    /** Appends the buffered chars from pos up to the next quote, line break or buffer end. */
    private void appendPlainRun(long start) {
        int from = pos;
        int i = from;
        char[] b = buf;
        int end = len;
        while (i < end) {
            char ch = b[i];
            if (ch == quote || ch == '\n' || ch == '\r') {
                break;
            }
            i++;
        }
        if (field.length() + (i - from) > MAX_FIELD_CHARS) {
            throw tooLong(start);
        }
        field.append(b, from, i - from);
        pos = i;
    }

    private static UnreadableFileException tooLong(long start) {
        return new UnreadableFileException("quoted value opened on line " + start + " is longer than "
                + MAX_FIELD_CHARS + " characters: probably a quote that is never closed");
    }

    private void skipLine() {
        while (true) {
            int c = peek();
            if (c < 0) {
                return;
            }
            if (c == '\n' || c == '\r') {
                endOfLine();
                return;
            }
            pos++;
        }
    }

    /** Consumes \n, \r\n or \r. */
    private void endOfLine() {
        int c = peek();
        pos++;
        if (c == '\r' && peek() == '\n') {
            pos++;
        }
        line++;
    }

    private int peek() {
        if (pos < len) {
            return buf[pos];
        }
        try {
            len = in.read(buf, 0, buf.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pos = 0;
        if (len <= 0) {
            len = 0;
            return -1;
        }
        return buf[0];
    }
}
