package cn.ydcx.gateway.mapping;

/**
 * The input as a whole cannot be read (wrong encoding, empty, missing header column, malformed
 * XML, DOCTYPE ...). The message is one clear line meant for the user, without a stack trace.
 */
public class UnreadableFileException extends RuntimeException {
    public UnreadableFileException(String message) {
        super(message);
    }

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
