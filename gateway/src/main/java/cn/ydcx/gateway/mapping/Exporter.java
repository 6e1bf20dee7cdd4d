package cn.ydcx.gateway.mapping;

import cn.ydcx.gateway.model.CanonicalField;
import cn.ydcx.gateway.model.CanonicalFields;
import cn.ydcx.gateway.model.CanonicalRecord;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.model.Op;
import cn.ydcx.gateway.validation.RecordValues;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Canonical records → a node's native file (SPEC §3), driven by the same mapping files as
 * {@link Normalizer}; streaming, one record in memory at a time.
 *
 * <p>A record that cannot be expressed (a RETRACT — native files have no operation; more penalty
 * types than the node has columns; a character the node's encoding cannot hold; a character XML
 * forbids) is not written and is reported as an {@link ExportProblem} naming it; the rest go on
 * so that one run lists every problem. Callers that need a complete file (the CLI) must discard
 * the output when {@link ExportSummary#complete()} is false. Values of canonical fields the
 * mapping has no source for (AH penalty: licenseAction, validUntil, publicUntil; reports: the
 * subject's legal representative and ID) cannot be carried: they are counted per field in
 * {@link ExportSummary#dropped()}, never silently. Native files carry no source node or
 * recordId either: normalising an exported file attributes its records to the importing node.
 */
public final class Exporter {
    public static final int MAX_PROBLEMS = 1000;

    private final MappingRegistry registry;

    public Exporter(MappingRegistry registry) {
        this.registry = Objects.requireNonNull(registry);
    }

    /**
     * @throws MappingException     when the node has no mapping for the dataset
     * @throws UncheckedIOException when writing fails
     */
    public ExportSummary export(NodeCode node, Dataset dataset, Iterator<CanonicalRecord> records, OutputStream out) {
        Run run = new Run(registry.get(node, dataset), out);
        run.begin();
        while (records.hasNext()) {
            run.record(records.next());
        }
        run.end();
        return run.summary();
    }

    /** The state of one export. */
    private static final class Run {
        private final Mapping mapping;
        private final RowWriter writer;
        private final StrictEncoder encoder;
        private final List<CellFormatter> formatters = new ArrayList<>();
        private final List<CanonicalField> unmapped = new ArrayList<>();
        private final long[] droppedCount;
        private final StringBuilder text = new StringBuilder(1024);
        private final Object[] cells;
        private final List<ExportProblem> problems = new ArrayList<>();
        private long records;
        private long written;
        private long failed;

        Run(Mapping m, OutputStream out) {
            this.mapping = m;
            this.writer = RowWriter.of(m);
            this.encoder = new StrictEncoder(out, m.charset());
            this.cells = new Object[m.sourceNames().size()];
            boolean[] bound = new boolean[CanonicalFields.of(m.dataset()).size()];
            for (FieldBinding b : m.bindings()) {
                formatters.add(new CellFormatter(b, m));
                bound[b.field().index()] = true;
            }
            for (CanonicalField f : CanonicalFields.of(m.dataset())) {
                if (!bound[f.index()]) {
                    unmapped.add(f);
                }
            }
            droppedCount = new long[bound.length];
        }

        void begin() {
            text.setLength(0);
            writer.begin(text);
            if (encoder.write(text) >= 0) {
                // head text is mapping names only; the loader checks them, the charset must hold them
                throw new MappingException(mapping.file() + ": a column/element name cannot be written in "
                        + mapping.charset().name());
            }
        }

        void record(CanonicalRecord r) {
            records++;
            String problem = render(r);
            if (problem == null) {
                int bad = encoder.write(text);
                if (bad < 0) {
                    written++;
                    countDropped(r);
                    return;
                }
                problem = unencodable(bad);
            }
            failed++;
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new ExportProblem(records, r.recordId(), r.sourceKey(), problem));
            }
        }

        /** Renders the record into {@link #text}; returns a problem or null. */
        private String render(CanonicalRecord r) {
            if (r.dataset() != mapping.dataset()) {
                return "is a " + r.dataset().code() + " record, not " + mapping.dataset().code();
            }
            if (r.op() != Op.UPSERT) {
                return "op " + r.op() + " cannot be expressed in a native file (native files only carry current records)";
            }
            Object[] values = RecordValues.of(r.subject(), r.data());
            Arrays.fill(cells, null);
            for (CellFormatter f : formatters) {
                Object v = values[f.binding().field().index()];
                if (v != null) {
                    String p = f.format(v, cells);
                    if (p != null) {
                        return p;
                    }
                }
            }
            text.setLength(0);
            try {
                writer.row(cells, text);
            } catch (RowWriter.CellProblem e) {
                return pathOfSlot(e.slot()) + " " + e.getMessage();
            }
            return null;
        }

        private void countDropped(CanonicalRecord r) {
            if (unmapped.isEmpty()) {
                return;
            }
            Object[] values = RecordValues.of(r.subject(), r.data());
            for (CanonicalField f : unmapped) {
                if (values[f.index()] != null) {
                    droppedCount[f.index()]++;
                }
            }
        }

        /** Names the field holding the character at {@code index} of the rendered text. */
        private String unencodable(int index) {
            int cp = Character.codePointAt(text, index);
            String ch = new String(Character.toChars(cp));
            String where = "a value";
            for (int s = 0; s < cells.length; s++) {
                Object c = cells[s];
                if (c != null && c.toString().contains(ch)) {
                    where = pathOfSlot(s);
                    break;
                }
            }
            return where + " contains '" + ch + "' (U+" + String.format("%04X", cp) + "), which "
                    + mapping.charset().name() + " cannot encode";
        }

        private String pathOfSlot(int slot) {
            return mapping.pathOf(mapping.sourceNames().get(slot));
        }

        void end() {
            text.setLength(0);
            writer.end(text);
            encoder.write(text);
            try {
                encoder.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write output: " + e.getMessage(), e);
            }
        }

        ExportSummary summary() {
            Map<String, Long> dropped = new LinkedHashMap<>();
            for (CanonicalField f : unmapped) {
                if (droppedCount[f.index()] > 0) {
                    dropped.put(f.path(), droppedCount[f.index()]);
                }
            }
            return new ExportSummary(records, written, problems, failed, dropped);
        }
    }
}
