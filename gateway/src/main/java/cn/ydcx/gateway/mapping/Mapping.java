package cn.ydcx.gateway.mapping;

import cn.ydcx.gateway.model.CanonicalField;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.NodeCode;
import java.nio.charset.Charset;
import java.util.List;

/**
 * One checked mapping file: how a node's native file of one dataset maps to canonical fields.
 * Built only by {@link MappingLoader}; immutable.
 */
public final class Mapping {
    private final String file;
    private final NodeCode node;
    private final Dataset dataset;
    private final NativeFormat format;
    private final Charset charset;
    private final boolean bom;
    private final char delimiter;
    private final char quote;
    private final String rootElement;
    private final String recordElement;
    private final List<String> sourceNames;
    private final List<FieldBinding> bindings;
    private final boolean canonicalLabels;

    Mapping(String file, NodeCode node, Dataset dataset, NativeFormat format, Charset charset, boolean bom,
            char delimiter, char quote, String rootElement, String recordElement, List<String> sourceNames,
            List<FieldBinding> bindings, boolean canonicalLabels) {
        this.file = file;
        this.node = node;
        this.dataset = dataset;
        this.format = format;
        this.charset = charset;
        this.bom = bom;
        this.delimiter = delimiter;
        this.quote = quote;
        this.rootElement = rootElement;
        this.recordElement = recordElement;
        this.sourceNames = List.copyOf(sourceNames);
        this.bindings = List.copyOf(bindings);
        this.canonicalLabels = canonicalLabels;
    }

    /** codeLabels: canonical — the file uses the canonical codes (SH) rather than Chinese labels. */
    public boolean canonicalLabels() {
        return canonicalLabels;
    }

    /** Where the mapping was read from (for messages). */
    public String file() {
        return file;
    }

    public NodeCode node() {
        return node;
    }

    public Dataset dataset() {
        return dataset;
    }

    public NativeFormat format() {
        return format;
    }

    public Charset charset() {
        return charset;
    }

    /** The native file is expected to start with a byte-order mark (a missing one is tolerated). */
    public boolean bom() {
        return bom;
    }

    public char delimiter() {
        return delimiter;
    }

    public char quote() {
        return quote;
    }

    /** XML only: the expected root element (XZXK, XZCF, YZSX, XYBG). */
    public String rootElement() {
        return rootElement;
    }

    /** XML only: the element holding one record. */
    public String recordElement() {
        return recordElement;
    }

    /** Distinct native column/key/element names; a reader resolves them to slots by index. */
    public List<String> sourceNames() {
        return sourceNames;
    }

    /** The canonical path a native name feeds (for messages). */
    public String pathOf(String sourceName) {
        for (FieldBinding b : bindings) {
            if (b.sourceNames().contains(sourceName)) {
                return b.field().path();
            }
        }
        return null;
    }

    /** The native names a canonical field is read from, or an empty list if unmapped. */
    public List<String> sourcesOf(String canonicalPath) {
        for (FieldBinding b : bindings) {
            if (b.field().path().equals(canonicalPath)) {
                return b.sourceNames();
            }
        }
        return List.of();
    }

    boolean isRequiredSource(String sourceName) {
        for (FieldBinding b : bindings) {
            CanonicalField f = b.field();
            if (f.required() && b.sourceNames().contains(sourceName)) {
                return true;
            }
        }
        return false;
    }

    List<FieldBinding> bindings() {
        return bindings;
    }
}
