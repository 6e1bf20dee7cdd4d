package cn.ydcx.gateway.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Scales a ZJ CSV sample to N rows by repeating its rows, giving every copy its own decision
 * number (suffix {@code -<copy>}) so the copies are distinct records, not duplicates. The mix of
 * valid and invalid rows is the sample's own.
 */
public final class ScaledSample {

    private ScaledSample() {
    }

    public static void writeZjCsv(InputStream sample, String keyColumn, int rows, Path out) throws IOException {
        List<String> header;
        List<List<String>> body = new ArrayList<>();
        try (Reader r = new InputStreamReader(sample, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                     .setAllowMissingColumnNames(true).get().parse(r)) {
            header = new ArrayList<>(p.getHeaderNames());
            header.set(0, header.get(0).replace("\uFEFF", ""));
            for (CSVRecord rec : p) {
                List<String> row = new ArrayList<>();
                rec.forEach(row::add);
                body.add(row);
            }
        }
        int key = header.indexOf(keyColumn);
        if (key < 0) {
            throw new IllegalArgumentException("sample has no column " + keyColumn);
        }
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180)) {
            w.write('\uFEFF');
            printer.printRecord(header);
            for (int i = 0; i < rows; i++) {
                List<String> row = new ArrayList<>(body.get(i % body.size()));
                int copy = i / body.size();
                if (copy > 0 && row.size() > key && !row.get(key).isBlank()) {
                    row.set(key, row.get(key) + "-" + copy);
                }
                printer.printRecord(row);
            }
        }
    }
}
