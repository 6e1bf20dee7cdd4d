package cn.ydcx.gateway.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * JS XML: {@code <ROOT><RECORD><FIELD>value</FIELD>...</RECORD>...</ROOT>} in the mapping's
 * encoding (GBK). Bytes are decoded by {@link StrictDecodingReader}, so a file not in the
 * encoding fails with its byte offset; an XML declaration naming an encoding the mapping's
 * charset does not contain (e.g. UTF-8 for GBK) fails the file too, since UTF-8 bytes can
 * decode as GBK without error and would silently become garbage. No declaration: the mapping's
 * encoding applies.
 *
 * <p>Security: the JDK StAX parser with DTD support and external entities off, entity references
 * not replaced; a DOCTYPE fails the whole file before anything in it is used (SPEC §2: external
 * entities and entity expansion are never processed). Any well-formedness error fails the file
 * with line and column.
 *
 * <p>Shape: the root must be the mapping's rootElement; only recordElement children are allowed
 * under it (anything else fails the file: a misspelt record element would otherwise silently
 * lose every row). In a record, one child element per field; unknown children are ignored (like
 * unmapped columns); an empty element is absent. A record with a field given twice, an element
 * nested in a field, or stray text is MALFORMED_ROW. Row = 1-based position of the record element.
 */
final class XmlRowReader implements RowReader {
    private final InputStream in;
    private final XMLStreamReader xml;
    private final Mapping mapping;
    private final Map<String, Integer> slotOfElement = new HashMap<>();
    private final String[] values;
    private final boolean[] seen;
    private final StringBuilder text = new StringBuilder(64);
    private long row;
    private boolean malformed;
    private boolean done;

    private XmlRowReader(InputStream in, XMLStreamReader xml, Mapping m) {
        this.in = in;
        this.xml = xml;
        this.mapping = m;
        for (int s = 0; s < m.sourceNames().size(); s++) {
            slotOfElement.put(m.sourceNames().get(s), s);
        }
        values = new String[slotOfElement.size()];
        seen = new boolean[values.length];
    }

    static RowReader open(InputStream raw, Mapping m) {
        PushbackInputStream in = new PushbackInputStream(raw, 1);
        try {
            int first = in.read();
            if (first < 0) {
                throw new UnreadableFileException("file is empty: no XML document");
            }
            in.unread(first);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        XMLInputFactory f = XMLInputFactory.newDefaultFactory(); // the JDK parser, whatever is on the classpath
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external entity " + systemId + " refused");
        });
        try {
            XMLStreamReader xml = f.createXMLStreamReader(new StrictDecodingReader(in, m.charset()));
            checkDeclaredEncoding(xml.getCharacterEncodingScheme(), m);
            XmlRowReader r = new XmlRowReader(in, xml, m);
            r.root();
            return r;
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
    }

    private static void checkDeclaredEncoding(String declared, Mapping m) {
        if (declared == null) {
            return;
        }
        Charset cs;
        try {
            cs = Charset.forName(declared);
        } catch (IllegalArgumentException e) {
            throw new UnreadableFileException("XML declares unknown encoding '" + declared + "'");
        }
        if (!covers(m.charset(), cs)) {
            throw new UnreadableFileException("XML declares encoding " + declared + " but " + m.node() + " "
                    + m.dataset().code() + " files must be " + m.charset().name() + " (" + m.file() + ")");
        }
    }

    // Charset.contains does not know the Chinese chain GB2312 ⊂ GBK ⊂ GB18030.
    private static boolean covers(Charset mapping, Charset declared) {
        if (mapping.contains(declared)) {
            return true;
        }
        String m = mapping.name();
        String d = declared.name();
        return (d.equals("GB2312") && (m.equals("GBK") || m.equals("GB18030"))) || (d.equals("GBK") && m.equals("GB18030"));
    }

    /** Moves to the root element and checks its name. */
    private void root() throws XMLStreamException {
        while (xml.hasNext()) {
            int e = xml.next();
            forbidDtdAndEntities(e);
            if (e == XMLStreamConstants.START_ELEMENT) {
                if (!xml.getLocalName().equals(mapping.rootElement())) {
                    throw new UnreadableFileException("root element is <" + xml.getLocalName() + ">, expected <"
                            + mapping.rootElement() + "> for " + mapping.dataset().code() + " (" + mapping.file() + ")");
                }
                return;
            }
        }
        throw new UnreadableFileException("no root element");
    }

    private void forbidDtdAndEntities(int event) {
        if (event == XMLStreamConstants.DTD) {
            throw new UnreadableFileException("document contains a DOCTYPE at line " + xml.getLocation().getLineNumber()
                    + ": DTDs and entity declarations are not accepted");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new UnreadableFileException("entity reference &" + xml.getLocalName() + "; at line "
                    + xml.getLocation().getLineNumber() + " is not accepted");
        }
    }

    @Override
    public boolean next() {
        if (done) {
            return false;
        }
        try {
            while (true) {
                int e = xml.next();
                forbidDtdAndEntities(e);
                switch (e) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (!xml.getLocalName().equals(mapping.recordElement())) {
                            throw new UnreadableFileException("unexpected element <" + xml.getLocalName() + "> at line "
                                    + xml.getLocation().getLineNumber() + " in <" + mapping.rootElement()
                                    + ">: only <" + mapping.recordElement() + "> records are allowed");
                        }
                        readRecord();
                        return true;
                    }
                    case XMLStreamConstants.CHARACTERS -> {
                        if (!xml.isWhiteSpace()) {
                            throw new UnreadableFileException("text outside a <" + mapping.recordElement()
                                    + "> at line " + xml.getLocation().getLineNumber());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        drain();
                        done = true;
                        return false;
                    }
                    default -> { } // comments, processing instructions, white space
                }
            }
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
    }

    /** After the root: only comments and white space may follow; the parser checks that. */
    private void drain() throws XMLStreamException {
        while (xml.hasNext()) {
            forbidDtdAndEntities(xml.next());
        }
    }

    private void readRecord() throws XMLStreamException {
        row++;
        malformed = false;
        Arrays.fill(values, null);
        Arrays.fill(seen, false);
        while (true) {
            int e = xml.next();
            forbidDtdAndEntities(e);
            if (e == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (e == XMLStreamConstants.START_ELEMENT) {
                Integer slot = slotOfElement.get(xml.getLocalName());
                String v = fieldText();
                if (slot != null) {
                    malformed |= seen[slot]; // a field given twice is ambiguous
                    seen[slot] = true;
                    values[slot] = v;
                }
            } else if (e == XMLStreamConstants.CHARACTERS && !xml.isWhiteSpace()) {
                malformed = true;
            }
        }
    }

    /** Text of the current field element, up to its end tag; nested elements make the row malformed. */
    private String fieldText() throws XMLStreamException {
        text.setLength(0);
        int depth = 0;
        while (true) {
            int e = xml.next();
            forbidDtdAndEntities(e);
            switch (e) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (depth == 0) {
                        text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    }
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    malformed = true;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (depth-- == 0) {
                        return text.length() == 0 ? null : text.toString();
                    }
                }
                default -> { }
            }
        }
    }

    private static UnreadableFileException notWellFormed(XMLStreamException e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        int at = msg.indexOf("Message: ");
        if (at >= 0) {
            msg = msg.substring(at + "Message: ".length());
        }
        msg = msg.replace('\n', ' ').strip();
        if (e.getLocation() != null) {
            return new UnreadableFileException("XML is not well-formed at line " + e.getLocation().getLineNumber()
                    + ", column " + e.getLocation().getColumnNumber() + ": " + msg, e);
        }
        return new UnreadableFileException("XML is not well-formed: " + msg, e);
    }

    @Override
    public long row() {
        return row;
    }

    @Override
    public boolean malformed() {
        return malformed;
    }

    @Override
    public String value(int slot) {
        return values[slot];
    }

    @Override
    public void close() {
        try {
            xml.close();
            in.close();
        } catch (XMLStreamException | IOException e) {
            // input only: a failed close loses nothing
        }
    }
}
