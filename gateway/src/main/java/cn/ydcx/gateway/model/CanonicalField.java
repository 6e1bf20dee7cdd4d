package cn.ydcx.gateway.model;

/**
 * One field of the canonical record of a dataset.
 *
 * @param index    position in {@link CanonicalFields#of} (also the order reasons are reported in)
 * @param path     canonical path, e.g. {@code data.authority.uscc}
 * @param required required in every record
 * @param mustMap  a mapping of this dataset must give it a source (required or conditionally required)
 */
public record CanonicalField(int index, String path, FieldKind kind, CodeList codeList, boolean required,
                             boolean mustMap) {
}
