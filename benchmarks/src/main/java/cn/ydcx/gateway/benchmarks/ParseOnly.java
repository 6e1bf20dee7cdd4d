package cn.ydcx.gateway.benchmarks;

import cn.ydcx.gateway.mapping.Mapping;
import cn.ydcx.gateway.mapping.NativeFormat;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The issue 3 baseline: read the same bytes with a stock parser (Commons CSV, Jackson
 * streaming, StAX), decoding every value, and do nothing else: no mapping, clean-up,
 * validation, canonical JSON or hashing. Every value is handed to the Blackhole so the JIT
 * cannot skip the decoding. Returns the number of rows seen (a sanity check in setup).
 */
final class ParseOnly {
    private static final JsonFactory JSON = new JsonFactory();

    private final Mapping m;
    private final CSVFormat csv;
    private final XMLInputFactory xml;

    ParseOnly(Mapping m) {
        this.m = m;
        // trailingData: the samples contain deliberately malformed rows ("a"b) that the gateway
        // rejects one by one; the baseline must read past them rather than give up on the file.
        boolean delimited = m.format() == NativeFormat.CSV || m.format() == NativeFormat.DELIMITED;
        this.csv = !delimited ? null : CSVFormat.RFC4180.builder().setDelimiter(m.delimiter()).setQuote(m.quote())
                .setTrailingData(true).setIgnoreEmptyLines(true).get();
        this.xml = XMLInputFactory.newFactory();
        // the same hardening any XML reader here must have (SPEC §2: no DTDs, no entities)
        xml.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xml.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    long parse(byte[] file, Blackhole bh) {
        return switch (m.format()) {
            case CSV, DELIMITED -> delimited(file, bh);
            case JSONL -> jsonLines(file, bh);
            case XML -> xml(file, bh);
        };
    }

    private long delimited(byte[] file, Blackhole bh) {
        long rows = -1; // the header is not a row
        try (CSVParser p = csv.parse(new InputStreamReader(new ByteArrayInputStream(file), m.charset()))) {
            for (CSVRecord r : p) {
                for (int i = 0; i < r.size(); i++) {
                    bh.consume(r.get(i));
                }
                rows++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** One parser per line, as a line that does not parse must not stop the file. */
    private long jsonLines(byte[] file, Blackhole bh) {
        long rows = 0;
        int start = 0;
        for (int i = 0; i <= file.length; i++) {
            if (i < file.length && file[i] != '\n') {
                continue;
            }
            if (i > start) {
                rows++;
                try (JsonParser p = JSON.createParser(file, start, i - start)) {
                    for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                        if (t.isScalarValue()) {
                            bh.consume(p.getText());
                        }
                    }
                } catch (IOException e) {
                    bh.consume(e); // malformed line: counted, like the gateway's MALFORMED_ROW
                }
            }
            start = i + 1;
        }
        return rows;
    }

    private long xml(byte[] file, Blackhole bh) {
        long rows = 0;
        try {
            XMLStreamReader r = xml.createXMLStreamReader(new ByteArrayInputStream(file), m.charset().name());
            try {
                while (r.hasNext()) {
                    int e = r.next();
                    if (e == XMLStreamConstants.START_ELEMENT && m.recordElement().equals(r.getLocalName())) {
                        rows++;
                    } else if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
                        bh.consume(r.getText());
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("baseline StAX parse failed: " + e.getMessage(), e);
        }
        return rows;
    }
}
