package cn.ydcx.gateway.cli;

import cn.ydcx.gateway.mapping.UnreadableFileException;
import cn.ydcx.gateway.model.CanonicalRecord;
import cn.ydcx.gateway.model.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Streams canonical records from a JSON Lines file (the output of normalize). Blank lines are
 * skipped. Unlike a native file, this is our own format: a line that is not a canonical record
 * means the file is not what the caller thinks, so it fails the whole run naming the line.
 */
final class CanonicalRecordLines implements Iterator<CanonicalRecord>, AutoCloseable {
    private final BufferedReader in;
    private long line;
    private CanonicalRecord next;

    CanonicalRecordLines(InputStream raw) {
        this.in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
                64 * 1024);
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        try {
            String text;
            while ((text = in.readLine()) != null) {
                line++;
                if (!text.isBlank()) {
                    next = parse(text);
                    return true;
                }
            }
            return false;
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException("line " + (line + 1) + " is not valid UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CanonicalRecord parse(String text) {
        try {
            return CanonicalRecord.fromJson(Json.mapper().readTree(text));
        } catch (JsonProcessingException e) {
            throw new UnreadableFileException("line " + line + " is not JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new UnreadableFileException("line " + line + ": " + e.getMessage());
        }
    }

    @Override
    public CanonicalRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CanonicalRecord r = next;
        next = null;
        return r;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
