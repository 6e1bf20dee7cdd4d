package cn.ydcx.gateway.mapping;

/**
 * A record that cannot be written in the node's native format.
 *
 * @param index     1-based position of the record in the export input
 * @param recordId  the record's id (null if the input had none)
 * @param sourceKey its sourceKey
 * @param message   what is wrong, naming the canonical field
 */
public record ExportProblem(long index, String recordId, String sourceKey, String message) {
    @Override
    public String toString() {
        return "record " + index + " (" + recordId + ", sourceKey " + sourceKey + "): " + message;
    }
}
