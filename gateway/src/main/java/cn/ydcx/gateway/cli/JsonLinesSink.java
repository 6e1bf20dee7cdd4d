package cn.ydcx.gateway.cli;

import cn.ydcx.gateway.mapping.NormalizeSink;
import cn.ydcx.gateway.mapping.Reject;
import cn.ydcx.gateway.model.CanonicalRecord;
import cn.ydcx.gateway.model.Json;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/** Writes records and rejects as UTF-8 JSON Lines (one object and a newline each). */
final class JsonLinesSink implements NormalizeSink, AutoCloseable {
    // Flushing after every value would mean a write system call per row.
    private static final ObjectWriter WRITER = Json.mapper().writer()
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    private final JsonGenerator records;
    private final JsonGenerator rejects;
    private final LongConsumer progress;

    JsonLinesSink(Path recordsFile, Path rejectsFile, LongConsumer progress) throws IOException {
        this.records = generator(recordsFile);
        this.rejects = generator(rejectsFile);
        this.progress = progress;
    }

    private static JsonGenerator generator(Path file) throws IOException {
        OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
        JsonGenerator g = Json.mapper().getFactory().createGenerator(os);
        g.setRootValueSeparator(null); // we write the newline ourselves, after every value
        return g;
    }

    @Override
    public void record(CanonicalRecord r) {
        write(records, r.toJson());
    }

    @Override
    public void reject(Reject r) {
        write(rejects, r.toJson());
    }

    @Override
    public void progress(long rowsSoFar) {
        progress.accept(rowsSoFar);
    }

    private static void write(JsonGenerator g, Object value) {
        try {
            WRITER.writeValue(g, value);
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write output: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try (records; rejects) {
            records.flush();
            rejects.flush();
        }
    }
}
