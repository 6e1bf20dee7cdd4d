package cn.ydcx.gateway.mapping;

import java.io.InputStream;

/** SH JSON Lines reader: not implemented yet (see report); fails the file with a clear message. */
final class JsonLinesRowReader {
    private JsonLinesRowReader() {
    }

    static RowReader open(InputStream in, Mapping m) {
        throw new UnreadableFileException("reading format jsonl (" + m.file() + ") is not implemented yet");
    }
}
