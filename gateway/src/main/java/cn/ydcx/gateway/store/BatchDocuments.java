package cn.ydcx.gateway.store;

import cn.ydcx.gateway.batch.BatchWire;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A stored batch as the signed document the wire carries, rebuilt from its parts: header and
 * signature from {@link BatchStore}, records in leaf order from {@link RecordVersionStore}. For
 * an OUT batch these are the bytes that were signed and sent; for an IN batch, the same JSON
 * value the sender sent (records in JCS form), valid under the same signature.
 */
@Component
public class BatchDocuments {
    private final RecordVersionStore versions;

    public BatchDocuments(RecordVersionStore versions) {
        this.versions = versions;
    }

    /** The document of one batch, in memory: one batch at a time is what a node holds. */
    public byte[] bytes(BatchRow batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(8192, batch.recordCount() * 1024));
        write(batch, out);
        return out.toByteArray();
    }

    public void write(BatchRow batch, OutputStream out) {
        List<byte[]> records = new ArrayList<>(batch.recordCount());
        versions.forEachRecord(batch.batchRow(), records::add);
        try {
            BatchWire.writeParts(out, batch.headerJson().getBytes(StandardCharsets.UTF_8), records,
                    batch.signatureJson().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
