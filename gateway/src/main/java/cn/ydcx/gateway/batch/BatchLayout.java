package cn.ydcx.gateway.batch;

import static cn.ydcx.gateway.batch.BatchFields.*;

import cn.ydcx.gateway.jcs.CanonicalScanner;
import cn.ydcx.gateway.model.Json;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where the parts of a received batch document lie in its bytes, found in one pass without a
 * tree of the records (issue 4): the small header and signature are parsed with Jackson; each
 * record is a byte slice that {@link CanonicalScanner} either accepts as already canonical
 * (with the byte ranges of its source, dataset, sourceKey and recordId strings) or that is
 * parsed with Jackson on its own.
 *
 * <p>{@link #of} answers null unless the whole body is certainly JSON that
 * {@code Json.mapper().readTree} reads into the same header, signature and records: one object
 * whose member names are plain ASCII, with exactly one {@code header} object, {@code records}
 * array and {@code signature} object; every slice not accepted by the scanner is parsed
 * strictly (no trailing tokens), structure between slices is checked here. The caller then
 * falls back to parsing the whole body, so any odd document gets exactly the old treatment;
 * so does a body whose first record is not canonical (its sender does not write JCS).
 * A caller that has already parsed the body passes the tree, whose parts are then reused.
 *
 * <p>A {@link RecordSink} is told of each record as soon as it is scanned, when the header
 * comes before the records (as every gateway writes it): the verifier then checks and hashes a
 * record while its bytes are still in the core's cache, instead of reading the whole body a
 * second time after the scan.
 */
final class BatchLayout {
    /** Field indexes of {@link #scanner()}'s requested fields. */
    static final int F_SOURCE = 0;
    static final int F_DATASET = 1;
    static final int F_SOURCE_KEY = 2;
    static final int F_RECORD_ID = 3;
    private static final int STRIDE = 10; // start, end, then (start, end) of the 4 fields

    /** Far below Jackson's default nesting limit (1000), which counts from the document root. */
    private static final int MAX_SKIP_DEPTH = 500;
    private static final ObjectReader STRICT = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final byte[] HEADER_KEY = HEADER.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RECORDS_KEY = RECORDS.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SIGNATURE_KEY = SIGNATURE.getBytes(StandardCharsets.US_ASCII);

    private final byte[] body;
    private final RecordSink sink;
    /** Whether the sink accepted the header and is told of each record. */
    private boolean feeding;
    /** Json.mapper().readTree(body) when the caller has it, else null. */
    private final JsonNode parsed;
    private JsonNode header;
    private JsonNode signature;
    private int size;
    private int[] slots = new int[STRIDE * 64];
    /** Jackson's tree of each record the scanner did not accept, else null. */
    private JsonNode[] trees = new JsonNode[64];

    private BatchLayout(byte[] body, JsonNode parsed, RecordSink sink) {
        this.body = body;
        this.parsed = parsed;
        this.sink = sink;
    }

    /** Told of the records of a batch document while it is being laid out. */
    interface RecordSink {
        /**
         * The document's header, when it is known before the records (from the caller's tree,
         * or its member comes first). Whether the sink wants {@link #record} for each record.
         */
        boolean header(JsonNode header);

        /**
         * Record i has just been laid out: its slice, and whether it is canonical, are known.
         * The layout may still turn out null (the document is malformed further on).
         */
        void record(BatchLayout doc, int i);
    }

    /** A scanner reporting the fields in F_* order. */
    static CanonicalScanner scanner() {
        return new CanonicalScanner(SOURCE, DATASET, SOURCE_KEY, RECORD_ID);
    }

    /**
     * The layout of body, or null when the fast path does not apply (see the class comment).
     *
     * @param parsed {@code Json.mapper().readTree(body)} if the caller already has it (then the
     *     body is known to be JSON and its trees are reused instead of parsing slices), or null
     */
    static BatchLayout of(byte[] body, JsonNode parsed) {
        return of(body, parsed, null);
    }

    /** {@link #of(byte[], JsonNode)}, telling the sink (if not null) of each record as it is laid out. */
    static BatchLayout of(byte[] body, JsonNode parsed, RecordSink sink) {
        if (body == null) {
            return null;
        }
        BatchLayout l = new BatchLayout(body, parsed, sink);
        return l.scanDocument(scanner()) ? l : null;
    }

    byte[] body() {
        return body;
    }

    JsonNode header() {
        return header;
    }

    JsonNode signature() {
        return signature;
    }

    int size() {
        return size;
    }

    int start(int i) {
        return slots[STRIDE * i];
    }

    int end(int i) {
        return slots[STRIDE * i + 1];
    }

    /** Whether record i's bytes are its JCS form. */
    boolean canonical(int i) {
        return trees[i] == null;
    }

    /** Start of field f's plain string value in record i (canonical records only), or -1. */
    int fieldStart(int i, int f) {
        return slots[STRIDE * i + 2 + 2 * f];
    }

    int fieldEnd(int i, int f) {
        return slots[STRIDE * i + 3 + 2 * f];
    }

    /** Record i as a tree: Jackson's, parsed now if the record was canonical. */
    JsonNode tree(int i) {
        JsonNode t = trees[i];
        if (t == null && parsed != null) {
            t = parsed.get(RECORDS).get(i);
        }
        if (t == null) {
            t = parse(body, start(i), end(i));
            if (t == null) {
                throw new IllegalStateException("records[" + i + "] was scanned as canonical but does not parse");
            }
        }
        return t;
    }

    // ---- scanning

    private boolean scanDocument(CanonicalScanner scanner) {
        byte[] b = body;
        int n = b.length;
        int p = ws(b, 0);
        if (p >= n || b[p] != '{') {
            return false;
        }
        boolean records = false;
        int headerStart = -1;
        int headerEnd = -1;
        int sigStart = -1;
        int sigEnd = -1;
        if (parsed != null && sink != null) {
            feeding = sink.header(parsed.get(HEADER)); // the same node scanDocument ends with
        }
        p = ws(b, p + 1);
        while (true) {
            if (p >= n || b[p] != '"') {
                return false; // also the empty object: it has no header
            }
            int key = p + 1;
            int q = key;
            while (q < n && b[q] >= 0x20 && b[q] < 0x7F && b[q] != '"' && b[q] != '\\') {
                q++;
            }
            if (q >= n || b[q] != '"') {
                return false; // escaped or non-ASCII member name: let Jackson decode it
            }
            int keyEnd = q;
            p = ws(b, keyEnd + 1);
            if (p >= n || b[p] != ':') {
                return false;
            }
            p = ws(b, p + 1);
            if (p >= n) {
                return false;
            }
            int end;
            if (is(b, key, keyEnd, RECORDS_KEY)) {
                if (records || b[p] != '[') {
                    return false; // duplicate member (Jackson keeps the last) or not an array
                }
                records = true;
                end = scanRecords(scanner, p);
            } else {
                end = skip(b, p, n);
                if (end < 0) {
                    return false;
                }
                if (is(b, key, keyEnd, HEADER_KEY)) {
                    if (headerStart >= 0) {
                        return false;
                    }
                    headerStart = p;
                    headerEnd = end;
                    if (parsed == null && !records && sink != null) {
                        // before the records: parsed now, so that the sink can take them as they come
                        header = parse(b, p, end);
                        if (header == null) {
                            return false;
                        }
                        feeding = sink.header(header);
                    }
                } else if (is(b, key, keyEnd, SIGNATURE_KEY)) {
                    if (sigStart >= 0) {
                        return false;
                    }
                    sigStart = p;
                    sigEnd = end;
                } else if (parsed == null && parse(b, p, end) == null) {
                    return false; // another member: ignored by the verifier, but must be JSON
                }
            }
            if (end < 0) {
                return false;
            }
            p = ws(b, end);
            if (p >= n) {
                return false;
            }
            if (b[p] == '}') {
                break;
            }
            if (b[p] != ',') {
                return false;
            }
            p = ws(b, p + 1);
        }
        if (ws(b, p + 1) != n || !records || headerStart < 0 || sigStart < 0) {
            return false; // trailing content, or a part missing: the old path words the problem
        }
        if (parsed != null) {
            // the same document, so the same members; the sizes agree unless the caller erred
            JsonNode recs = parsed.get(RECORDS);
            if (recs == null || !recs.isArray() || recs.size() != size) {
                return false;
            }
            header = parsed.get(HEADER);
            signature = parsed.get(SIGNATURE);
        } else {
            if (header == null) {
                header = parse(b, headerStart, headerEnd);
            }
            signature = parse(b, sigStart, sigEnd);
        }
        return header != null && header.isObject() && signature != null && signature.isObject();
    }

    /** Records of the array at p ('['): slices, canonical or parsed. Returns the index after ']' or -1. */
    private int scanRecords(CanonicalScanner scanner, int p) {
        byte[] b = body;
        int n = b.length;
        p = ws(b, p + 1);
        if (p < n && b[p] == ']') {
            return p + 1;
        }
        while (p < n) {
            int start = p;
            // only objects are tried: their end is a '}', never ambiguous like a number's
            int end = b[p] == '{' ? scanner.scan(b, p, n) : CanonicalScanner.NOT_CANONICAL;
            JsonNode tree = null;
            if (end < 0) {
                if (size == 0) {
                    // A sender that does not write JCS (pretty-printed, Jackson's member order) writes
                    // no record in it: parsing the whole body once is then cheaper than slice by slice.
                    return -1;
                }
                end = skip(b, p, n);
                if (end < 0) {
                    return -1;
                }
                // must be JSON on its own unless the whole body is known to be; a tree either way
                tree = parsed != null ? parsedRecord(size) : parse(b, start, end);
                if (tree == null) {
                    return -1;
                }
            }
            add(start, end, tree, scanner);
            if (feeding) {
                sink.record(this, size - 1);
            }
            p = ws(b, end);
            if (p >= n) {
                return -1;
            }
            if (b[p] == ']') {
                return p + 1;
            }
            if (b[p] != ',') {
                return -1;
            }
            p = ws(b, p + 1);
        }
        return -1;
    }

    private JsonNode parsedRecord(int i) {
        JsonNode recs = parsed.get(RECORDS);
        return recs != null && recs.isArray() ? recs.get(i) : null;
    }

    private void add(int start, int end, JsonNode tree, CanonicalScanner scanner) {
        if (size == trees.length) {
            trees = Arrays.copyOf(trees, 2 * size);
            slots = Arrays.copyOf(slots, 2 * STRIDE * size);
        }
        int s = STRIDE * size;
        slots[s] = start;
        slots[s + 1] = end;
        for (int f = 0; f < 4; f++) {
            slots[s + 2 + 2 * f] = tree == null ? scanner.fieldStart(f) : -1;
            slots[s + 3 + 2 * f] = tree == null ? scanner.fieldEnd(f) : -1;
        }
        trees[size++] = tree;
    }

    private static boolean is(byte[] b, int from, int to, byte[] name) {
        return to - from == name.length && Arrays.equals(b, from, to, name, 0, name.length);
    }

    /** JSON whitespace only: Jackson refuses any other control character between tokens. */
    private static int ws(byte[] b, int p) {
        while (p < b.length && (b[p] == ' ' || b[p] == '\n' || b[p] == '\r' || b[p] == '\t')) {
            p++;
        }
        return p;
    }

    /**
     * End of the JSON value starting at p, found by bracket counting (strings skipped), without
     * checking it: the slice is then parsed strictly. -1 when unterminated or nested too deep.
     */
    static int skip(byte[] b, int p, int n) {
        int start = p;
        byte c = b[p];
        if (c == '"') {
            return skipString(b, p, n);
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            while (p < n) {
                c = b[p];
                if (c == '"') {
                    p = skipString(b, p, n);
                    if (p < 0) {
                        return -1;
                    }
                    continue;
                }
                if (c == '{' || c == '[') {
                    if (++depth > MAX_SKIP_DEPTH) {
                        return -1;
                    }
                } else if ((c == '}' || c == ']') && --depth == 0) {
                    return p + 1;
                }
                p++;
            }
            return -1;
        }
        while (p < n && (c = b[p]) != ',' && c != '}' && c != ']' && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
            p++;
        }
        return p > start ? p : -1;
    }

    private static int skipString(byte[] b, int p, int n) {
        p++;
        while (p < n) {
            byte c = b[p];
            if (c == '"') {
                return p + 1;
            }
            p += c == '\\' ? 2 : 1;
        }
        return -1;
    }

    /** b[start, end) as one JSON value read exactly as Json.mapper() would, or null if it is not one. */
    static JsonNode parse(byte[] b, int start, int end) {
        // Jackson guesses a byte source's encoding from its first 4 bytes: a zero byte there would
        // make it read this slice as UTF-16/32 although the whole document reads as UTF-8.
        for (int i = start; i < Math.min(end, start + 4); i++) {
            if (b[i] == 0) {
                return null;
            }
        }
        try {
            return STRICT.readTree(b, start, end - start);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
