package cn.ydcx.gateway.mapping;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Encodes chunks of text (one record each) in a charset that must hold every character: GBK
 * cannot encode 𠮷, and a writer with replacement would silently turn it into "?". A chunk is
 * encoded completely into memory before any byte of it is written, so a failing record leaves
 * nothing in the output.
 */
final class StrictEncoder {
    private final OutputStream out;
    private final CharsetEncoder encoder;
    private ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private final byte[] pending = new byte[64 * 1024];
    private int pendingLen;

    StrictEncoder(OutputStream out, Charset charset) {
        this.out = out;
        this.encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Encodes and writes the text; returns -1, or the char index of the first character that cannot be encoded. */
    int write(CharSequence text) {
        CharBuffer in = CharBuffer.wrap(text);
        encoder.reset();
        bytes.clear();
        CoderResult cr;
        while ((cr = encoder.encode(in, bytes, true)).isOverflow()) {
            grow();
        }
        if (cr.isError()) {
            return in.position();
        }
        while (encoder.flush(bytes).isOverflow()) {
            grow();
        }
        bytes.flip();
        emit(bytes.array(), bytes.limit());
        return -1;
    }

    private void grow() {
        ByteBuffer bigger = ByteBuffer.allocate(bytes.capacity() * 2);
        bytes.flip();
        bigger.put(bytes);
        bytes = bigger;
    }

    // Buffer small records: one write call per record would dominate the cost.
    private void emit(byte[] b, int n) {
        try {
            if (pendingLen + n > pending.length) {
                drain();
                if (n > pending.length) {
                    out.write(b, 0, n);
                    return;
                }
            }
            System.arraycopy(b, 0, pending, pendingLen, n);
            pendingLen += n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write output: " + e.getMessage(), e);
        }
    }

    private void drain() throws IOException {
        out.write(pending, 0, pendingLen);
        pendingLen = 0;
    }

    void flush() throws IOException {
        drain();
        out.flush();
    }
}
