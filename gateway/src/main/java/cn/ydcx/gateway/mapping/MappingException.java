package cn.ydcx.gateway.mapping;

/** A mapping file is wrong; the message names the file and, where known, the line. */
public class MappingException extends RuntimeException {
    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
