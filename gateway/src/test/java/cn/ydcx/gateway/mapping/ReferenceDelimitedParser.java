package cn.ydcx.gateway.mapping;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * TEST REFERENCE: DelimitedParser as it was before it copied fields out of its buffer in runs
 * (char by char through a StringBuilder), kept to check the faster one reads every input the
 * same way ({@code DelimitedParserEquivalenceProperties}). Do not change.
 *
 * <p>Streaming RFC 4180-style record splitter with a configurable delimiter (ZJ ",", AH "|").
 * A field that starts with the quote character is quoted: doubled quotes inside stand for one,
 * and delimiters and line breaks inside are data. A quote inside an unquoted field is data.
 *
 * <p>Why not commons-csv: 1.14 needs commons-io at run time, which this build only has for
 * tests, and it cannot resynchronise after a bad quote. Here a closing quote followed by other
 * text makes just that record malformed (MALFORMED_ROW) and parsing resumes at the next line; an
 * unterminated quote would swallow the rest of the file, so it fails the whole file instead.
 */
final class ReferenceDelimitedParser {
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
    private final StringBuilder field = new StringBuilder(64);
    private final List<String> fields = new ArrayList<>(32);
    private boolean malformed;
    private long recordLine;

    ReferenceDelimitedParser(Reader in, char delimiter, char quote) {
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
            fields.add(field.toString());
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

    /** Reads one field into {@link #field}; true when a delimiter follows (another field). */
    private boolean readField() {
        field.setLength(0);
        int c = peek();
        if (c == quote) {
            pos++;
            return readQuoted();
        }
        while (true) {
            c = peek();
            if (c < 0) {
                return false;
            }
            if (c == delimiter) {
                pos++;
                return true;
            }
            if (c == '\n' || c == '\r') {
                endOfLine();
                return false;
            }
            if (field.length() >= MAX_FIELD_CHARS) {
                malformed = true;
                skipLine();
                return false;
            }
            field.append((char) c);
            pos++;
        }
    }

    private boolean readQuoted() {
        long start = line;
        while (true) {
            int c = peek();
            if (c < 0) {
                throw new UnreadableFileException("quoted value opened on line " + start + " is never closed");
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
                throw new UnreadableFileException("quoted value opened on line " + start + " is longer than "
                        + MAX_FIELD_CHARS + " characters: probably a quote that is never closed");
            }
            field.append((char) c);
        }
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
