package cn.ydcx.gateway.samples;

import cn.ydcx.gateway.samples.NativeLayout.Ds;
import cn.ydcx.gateway.samples.NativeLayout.Node;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes native rows the way each province's office system would (the generator's own writer,
 * deliberately separate from any export code of the gateway): SH JSON Lines UTF-8, JS XML in GBK,
 * ZJ CSV UTF-8 with BOM, AH pipe-delimited GB18030.
 *
 * <p>A native value is a {@link String}; for SH also a {@link Num} (a JSON number written
 * verbatim), a {@code List<String>} (a JSON array) or {@link #JSON_NULL}; for JS a {@link Cdata}.
 * {@code null} is an absent value: no key (SH), no element (JS), an empty cell (ZJ, AH).
 */
final class NativeWriter {
    static final Charset GBK = Charset.forName("GBK");
    static final Charset GB18030 = Charset.forName("GB18030");
    static final Object JSON_NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A JSON number literal, written as is (1.5E4, 12345.675 ...). */
    record Num(String literal) {
    }

    /** An XML text written as a CDATA section. */
    record Cdata(String text) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private NativeWriter() {
    }

    static Charset charset(Node node) {
        return switch (node) {
            case SH, ZJ -> StandardCharsets.UTF_8;
            case JS -> GBK;
            case AH -> GB18030;
        };
    }

    static String extension(Node node) {
        return switch (node) {
            case SH -> "jsonl";
            case JS -> "xml";
            case ZJ -> "csv";
            case AH -> "txt";
        };
    }

    /** The whole file as text; {@link #bytes} encodes it. A row is native values or a raw line. */
    static String text(Node node, Ds ds, List<SampleRow> rows) {
        List<String> cols = NativeLayout.columns(node, ds);
        StringBuilder b = new StringBuilder();
        switch (node) {
            case ZJ, AH -> {
                char delim = node == Node.ZJ ? ',' : '|';
                if (node == Node.ZJ) {
                    b.append('\uFEFF');
                }
                b.append(delimitedLine(cols.toArray(new String[0]), delim)).append("\r\n");
                for (SampleRow r : rows) {
                    b.append(r.raw != null ? r.raw : delimitedLine(cells(r.nat, cols), delim)).append("\r\n");
                }
            }
            case SH -> {
                for (SampleRow r : rows) {
                    b.append(r.raw != null ? r.raw : jsonLine(r.nat, cols)).append('\n');
                }
            }
            case JS -> {
                CharsetEncoder gbk = GBK.newEncoder();
                b.append("<?xml version=\"1.0\" encoding=\"GBK\"?>\n");
                b.append('<').append(ds.xmlRoot).append(">\n");
                for (SampleRow r : rows) {
                    b.append("  <RECORD>\n");
                    for (String c : cols) {
                        Object v = r.nat.get(c);
                        if (v == null) {
                            continue;
                        }
                        b.append("    <").append(c);
                        String s = v instanceof Cdata cd ? cd.text() : (String) v;
                        if (s.isEmpty()) {
                            b.append("/>\n");
                            continue;
                        }
                        b.append('>');
                        if (v instanceof Cdata) {
                            b.append("<![CDATA[").append(s).append("]]>");
                        } else {
                            b.append(xmlEscape(s, gbk));
                        }
                        b.append("</").append(c).append(">\n");
                    }
                    b.append("  </RECORD>\n");
                }
                b.append("</").append(ds.xmlRoot).append(">\n");
            }
        }
        return b.toString();
    }

    static byte[] bytes(Node node, String text) {
        CharsetEncoder enc = charset(node).newEncoder();
        if (!enc.canEncode(text)) {
            throw new IllegalStateException("sample text not encodable in " + charset(node));
        }
        return text.getBytes(charset(node));
    }

    private static String[] cells(Map<String, Object> nat, List<String> cols) {
        String[] out = new String[cols.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = nat.get(cols.get(i));
            if (v != null && !(v instanceof String)) {
                throw new IllegalStateException("non-text native value for " + cols.get(i) + ": " + v);
            }
            out[i] = v == null ? "" : (String) v;
        }
        return out;
    }

    /** CSV-style quoting: a value containing the delimiter, a quote or a line break is quoted. */
    static String delimitedLine(String[] cells, char delim) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(delim);
            }
            String v = cells[i] == null ? "" : cells[i];
            if (v.indexOf(delim) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                b.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                b.append(v);
            }
        }
        return b.toString();
    }

    static String jsonLine(Map<String, Object> nat, List<String> cols) {
        ObjectNode o = JSON.createObjectNode();
        for (String c : cols) {
            Object v = nat.get(c);
            if (v == null) {
                continue;
            }
            if (v == JSON_NULL) {
                o.putNull(c);
            } else if (v instanceof Num n) {
                o.putRawValue(c, new RawValue(n.literal()));
            } else if (v instanceof List<?> list) {
                ArrayNode a = o.putArray(c);
                list.forEach(x -> a.add((String) x));
            } else {
                o.put(c, (String) v);
            }
        }
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** XML text escaping; characters GBK cannot encode become numeric character references. */
    private static String xmlEscape(String s, CharsetEncoder gbk) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                default -> {
                    if (c == '\t' || c == '\n' || (c >= ' ' && gbk.canEncode(c))) {
                        b.append(c);
                    } else {
                        b.append("&#x").append(Integer.toHexString(c).toUpperCase()).append(';');
                    }
                }
            }
        }
        return b.toString();
    }
}
