package cn.ydcx.gateway.mapping;

import java.io.InputStream;

/** JS XML reader: not implemented yet (see report); fails the file with a clear message. */
final class XmlRowReader {
    private XmlRowReader() {
    }

    static RowReader open(InputStream in, Mapping m) {
        throw new UnreadableFileException("reading format xml (" + m.file() + ") is not implemented yet");
    }
}
