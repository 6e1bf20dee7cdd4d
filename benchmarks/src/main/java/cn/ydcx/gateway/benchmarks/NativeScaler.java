package cn.ydcx.gateway.benchmarks;

import cn.ydcx.gateway.mapping.Mapping;
import cn.ydcx.gateway.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Scales a native sample to exactly {@code rows} rows in the sample's own format and encoding,
 * by repeating its rows in order. Copy c &gt; 0 of a row gets {@code -c} appended to its key
 * columns (decision, license, report number), so copies are new records rather than
 * DUPLICATE_KEY rejects and the mix of valid and broken rows stays the sample's own. Rows that
 * cannot be re-keyed (malformed rows, rows without a key) are repeated verbatim.
 *
 * <p>The format family comes from the mapping, so a new node/dataset needs no code here.
 */
public final class NativeScaler {

    /** Canonical fields that make up a sourceKey (SPEC §2). */
    private static final List<String> KEY_PATHS = List.of("data.decisionNumber", "data.licenseNumber",
            "data.reportNumber");

    private NativeScaler() {
    }

    public static byte[] scale(Mapping m, byte[] sample, int rows) {
        return switch (m.format()) {
            case CSV, DELIMITED -> delimited(m, sample, rows);
            case JSONL -> jsonLines(m, sample, rows);
            case XML -> xml(m, sample, rows);
        };
    }

    private static List<String> keySources(Mapping m) {
        List<String> names = new ArrayList<>();
        for (String p : KEY_PATHS) {
            names.addAll(m.sourcesOf(p));
        }
        return names;
    }

    private static String lineSeparator(String text) {
        return text.contains("\r\n") ? "\r\n" : "\n";
    }

    // ---- CSV / delimited -------------------------------------------------------------------

    private static byte[] delimited(Mapping m, byte[] sample, int rows) {
        String text = new String(sample, m.charset());
        String bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
        text = text.substring(bom.length());
        String nl = lineSeparator(text);
        List<String> lines = splitRecords(text, m.quote());
        if (lines.size() < 2) {
            throw new IllegalArgumentException("sample has no data rows");
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(m.delimiter()).setQuote(m.quote())
                .setRecordSeparator("").get();
        List<String> header = parseOne(format, lines.get(0));
        List<Integer> keyColumns = new ArrayList<>();
        for (String k : keySources(m)) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).strip().equals(k)) {
                    keyColumns.add(i);
                }
            }
        }
        List<String> body = lines.subList(1, lines.size());
        List<List<String>> parsed = new ArrayList<>();
        for (String line : body) {
            parsed.add(parseOne(format, line)); // null: repeat verbatim
        }
        StringBuilder out = new StringBuilder(sample.length * (rows / body.size() + 1));
        out.append(bom).append(lines.get(0)).append(nl);
        for (int i = 0; i < rows; i++) {
            int copy = i / body.size();
            List<String> values = parsed.get(i % body.size());
            if (copy == 0 || values == null) {
                out.append(body.get(i % body.size()));
            } else {
                List<String> v = new ArrayList<>(values);
                for (int c : keyColumns) {
                    if (c < v.size() && !v.get(c).isBlank()) {
                        v.set(c, v.get(c) + "-" + copy);
                    }
                }
                out.append(print(format, v));
            }
            out.append(nl);
        }
        return out.toString().getBytes(m.charset());
    }

    /** Splits text into records at line ends outside quotes; blank lines are not records. */
    static List<String> splitRecords(String text, char quote) {
        List<String> records = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c == quote) {
                quoted = !quoted; // a doubled quote toggles twice: still right
            } else if (c == '\n' && (!quoted || i == text.length())) {
                int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                String rec = text.substring(start, Math.max(start, end));
                if (!rec.isBlank()) {
                    records.add(rec);
                }
                start = i + 1;
            }
        }
        return records;
    }

    /** The values of one record, or null when Commons CSV finds it malformed (kept verbatim). */
    private static List<String> parseOne(CSVFormat format, String line) {
        try (CSVParser p = format.parse(new StringReader(line))) {
            List<CSVRecord> recs = p.getRecords();
            if (recs.size() != 1) {
                return null;
            }
            List<String> values = new ArrayList<>();
            recs.get(0).forEach(values::add);
            return values;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String print(CSVFormat format, List<String> values) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, format)) {
            p.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    // ---- JSON Lines ------------------------------------------------------------------------

    private static byte[] jsonLines(Mapping m, byte[] sample, int rows) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= sample.length; i++) {
            if (i == sample.length || sample[i] == '\n') {
                int end = i > start && sample[i - 1] == '\r' ? i - 1 : i;
                byte[] line = java.util.Arrays.copyOfRange(sample, start, Math.max(start, end));
                if (!new String(line, m.charset()).isBlank()) {
                    lines.add(line);
                }
                start = i + 1;
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("sample has no lines");
        }
        List<String> keys = keySources(m);
        ByteArrayOutputStream out = new ByteArrayOutputStream(sample.length * (rows / lines.size() + 1));
        for (int i = 0; i < rows; i++) {
            int copy = i / lines.size();
            byte[] line = lines.get(i % lines.size());
            out.writeBytes(copy == 0 ? line : rekeyJson(line, keys, copy));
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static byte[] rekeyJson(byte[] line, List<String> keys, int copy) {
        try {
            JsonNode n = Json.mapper().readTree(line);
            if (!(n instanceof ObjectNode o)) {
                return line;
            }
            boolean changed = false;
            for (String k : keys) {
                JsonNode v = o.get(k);
                if (v != null && v.isTextual() && !v.textValue().isBlank()) {
                    o.put(k, v.textValue() + "-" + copy);
                    changed = true;
                }
            }
            return changed ? Json.mapper().writeValueAsBytes(o) : line;
        } catch (IOException | RuntimeException e) {
            return line; // a malformed line stays malformed
        }
    }

    // ---- XML -------------------------------------------------------------------------------

    private static byte[] xml(Mapping m, byte[] sample, int rows) {
        Charset cs = m.charset();
        String text = new String(sample, cs);
        String el = Pattern.quote(m.recordElement());
        Matcher rec = Pattern.compile("(?s)<" + el + "(\\s[^>]*)?>.*?</" + el + "\\s*>").matcher(text);
        List<String> records = new ArrayList<>();
        int first = -1;
        int last = -1;
        String separator = null;
        while (rec.find()) {
            if (first < 0) {
                first = rec.start();
            } else if (separator == null) {
                separator = text.substring(last, rec.start());
            }
            records.add(rec.group());
            last = rec.end();
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException("sample has no <" + m.recordElement() + "> elements");
        }
        if (separator == null || !separator.isBlank()) {
            separator = "\n";
        }
        List<Pattern> keyElements = new ArrayList<>();
        for (String k : keySources(m)) {
            keyElements.add(Pattern.compile("(<" + Pattern.quote(k) + ">)([^<]*\\S[^<]*)(</" + Pattern.quote(k) + ">)"));
        }
        StringBuilder out = new StringBuilder(sample.length * (rows / records.size() + 1));
        out.append(text, 0, first);
        for (int i = 0; i < rows; i++) {
            int copy = i / records.size();
            String r = records.get(i % records.size());
            if (copy > 0) {
                for (Pattern k : keyElements) {
                    r = k.matcher(r).replaceFirst("$1$2-" + copy + "$3");
                }
            }
            if (i > 0) {
                out.append(separator);
            }
            out.append(r);
        }
        out.append(text.substring(last));
        return out.toString().getBytes(cs);
    }
}
