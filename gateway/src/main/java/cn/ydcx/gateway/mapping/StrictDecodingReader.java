package cn.ydcx.gateway.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes a byte stream and fails on the first byte sequence that is not valid in the declared
 * charset, naming its byte offset (InputStreamReader would either replace it silently or not say
 * where). A leading U+FEFF byte-order mark is dropped.
 */
final class StrictDecodingReader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder;
    private final String charsetName;
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024);
    private long discarded; // file offset of bytes[0]
    private boolean eof;
    private boolean finished;
    private boolean atStart = true;

    StrictDecodingReader(InputStream in, Charset charset) {
        this.in = in;
        this.charsetName = charset.name();
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.limit(0);
    }

    /** Bytes of the input decoded so far (for messages). */
    long bytePosition() {
        return discarded + bytes.position();
    }

    @Override
    public int read(char[] cbuf, int off, int len) {
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (true) {
            if (finished) {
                return -1;
            }
            CoderResult cr = decoder.decode(bytes, out, eof);
            if (cr.isError()) {
                throw new UnreadableFileException("file is not valid " + charsetName + " at byte offset "
                        + bytePosition());
            }
            if (cr.isUnderflow() && eof) {
                decoder.flush(out); // stateless charsets: writes nothing
                finished = true;
            }
            int produced = dropLeadingBom(cbuf, off, out);
            if (produced > 0) {
                return produced;
            }
            if (finished) {
                return -1;
            }
            if (cr.isUnderflow()) {
                refill();
            }
        }
    }

    private int dropLeadingBom(char[] cbuf, int off, CharBuffer out) {
        int produced = out.position() - off;
        if (atStart && produced > 0) {
            atStart = false;
            if (cbuf[off] == '\uFEFF') {
                System.arraycopy(cbuf, off + 1, cbuf, off, produced - 1);
                out.position(out.position() - 1);
                produced--;
            }
        }
        return produced;
    }

    private void refill() {
        discarded += bytes.position();
        bytes.compact();
        try {
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
