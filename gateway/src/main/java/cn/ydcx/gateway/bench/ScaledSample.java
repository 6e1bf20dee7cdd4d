package cn.ydcx.gateway.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scales a ZJ CSV sample to N rows by repeating its rows, giving every copy its own decision
 * number (suffix {@code -<copy>}) so the copies are distinct records, not duplicates. The mix of
 * valid and invalid rows is the sample's own: a row that does not split cleanly (the sample's
 * deliberately malformed rows) is copied unchanged and stays malformed.
 */
public final class ScaledSample {

    private ScaledSample() {
    }

    public static void writeZjCsv(InputStream sample, String keyColumn, int rows, Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        String header;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(sample, StandardCharsets.UTF_8))) {
            header = r.readLine();
            if (header == null) {
                throw new IllegalArgumentException("sample is empty");
            }
            header = header.replace("\uFEFF", "");
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        }
        List<String> columns = split(header);
        int key = columns == null ? -1 : columns.indexOf(keyColumn);
        if (key < 0) {
            throw new IllegalArgumentException("sample has no column " + keyColumn);
        }
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            w.write(header);
            w.write('\n');
            for (int i = 0; i < rows; i++) {
                String line = lines.get(i % lines.size());
                int copy = i / lines.size();
                List<String> fields = copy == 0 ? null : split(line);
                if (fields != null && fields.size() > key && !fields.get(key).isBlank()) {
                    fields.set(key, fields.get(key) + "-" + copy);
                    line = join(fields);
                }
                w.write(line);
                w.write('\n');
            }
        }
    }

    /** RFC 4180 split of one physical line; null when the line is not well-formed. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        int i = 0;
        while (true) {
            f.setLength(0);
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        return null;
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            f.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        f.append(c);
                    }
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    return null;
                }
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    f.append(line.charAt(i++));
                }
            }
            out.add(f.toString());
            if (i >= line.length()) {
                return out;
            }
            i++; // the comma
        }
    }

    static String join(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String v = fields.get(i);
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0) {
                sb.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(v);
            }
        }
        return sb.toString();
    }
}
