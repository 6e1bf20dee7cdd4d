package cn.ydcx.gateway.auditor;

/** Thrown when something an auditor checks does not hold; the message names what and where. */
public class AuditCheck extends RuntimeException {
    public AuditCheck(String message) {
        super(message);
    }
}
