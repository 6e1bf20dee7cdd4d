package cn.ydcx.gateway.exchange.ingest;

import cn.ydcx.gateway.model.CanonicalRecord;
import cn.ydcx.gateway.model.RecordKeys;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The accepted records of one ingest, in file order, on disk between normalising and signing:
 * each record's keys and its JCS bytes as the normaliser wrote them, so nothing downstream parses
 * or re-serialises a record. Length-prefixed binary (a record is never split or escaped).
 */
final class Spool {

    private Spool() {
    }

    /** Appends records to a spool file. */
    static final class Writer implements Closeable {
        private final DataOutputStream out;

        Writer(Path file) throws IOException {
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        }

        void add(CanonicalRecord r) {
            RecordKeys keys = RecordKeys.of(r);
            byte[] jcs = r.canonicalBytes();
            try {
                out.writeUTF(keys.recordId());
                out.writeUTF(keys.op().name());
                out.writeBoolean(keys.subjectKey() != null);
                if (keys.subjectKey() != null) {
                    out.writeUTF(keys.subjectKey());
                }
                out.writeInt(jcs.length);
                out.write(jcs);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /**
     * The spool cut into batches of {@code batchSize}, read as they are consumed (one batch in
     * memory at a time). Closes the file after the last batch, or when closed (Camel's splitter
     * closes an iterator it stops early).
     */
    static final class Batches implements Iterator<SpooledBatch>, Closeable {
        private final Path file;
        private final int batchSize;
        private final DataInputStream in;
        private int chunk;
        private SpooledBatch next;

        Batches(Path file, int batchSize) throws IOException {
            this.file = file;
            this.batchSize = batchSize;
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            this.next = read();
        }

        private SpooledBatch read() {
            List<SpooledRecord> records = new ArrayList<>(Math.min(batchSize, 16_384));
            try {
                while (records.size() < batchSize) {
                    String recordId;
                    try {
                        recordId = in.readUTF();
                    } catch (EOFException end) {
                        break;
                    }
                    String op = in.readUTF();
                    String subjectKey = in.readBoolean() ? in.readUTF() : null;
                    byte[] jcs = new byte[in.readInt()];
                    in.readFully(jcs);
                    records.add(new SpooledRecord(recordId, op, subjectKey, jcs));
                }
                if (records.isEmpty()) {
                    in.close();
                    return null;
                }
                return new SpooledBatch(chunk++, records);
            } catch (IOException e) {
                throw new UncheckedIOException("spool " + file + " cannot be read: " + e.getMessage(), e);
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public SpooledBatch next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            SpooledBatch out = next;
            next = read();
            return out;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
