package cn.ydcx.gateway.security;

import cn.ydcx.gateway.model.NodeCode;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who may do what at a node, decided from the client certificate's CN (the chain to the
 * regional root was already checked by TLS). One table: the first row whose method and path
 * match names the operation and who may perform it. Anything not in the table is refused, so
 * a new endpoint must be added here before anyone can call it.
 */
public final class AccessRules {

    /** The kinds of caller the regional PKI issues certificates for. */
    public enum Who {
        /** any certificate chained to the regional root */
        ANY,
        /** a node: REGION, SH, JS, ZJ, AH */
        NODE,
        /** {@code office-<NODE>} of this very node */
        OWN_OFFICE,
        /** {@code auditor} */
        AUDITOR
    }

    /** One row: requests of {@code method} (or any, when null) to {@code path} are {@code operation}. */
    record Rule(String method, String path, String operation, Set<Who> who) {
        boolean matches(String m, String p) {
            if (method != null && !method.equals(m)) {
                return false;
            }
            if (path.endsWith("/**")) {
                String base = path.substring(0, path.length() - 3);
                return p.equals(base) || p.startsWith(base + "/");
            }
            return p.equals(path);
        }
    }

    private static Rule rule(String method, String path, String operation, Who... who) {
        return new Rule(method, path, operation, EnumSet.of(who[0], who));
    }

    /** The table. Order matters: specific rows before general ones. */
    static final List<Rule> RULES = List.of(
            rule("GET", "/actuator/health/**", "health", Who.ANY),
            rule("GET", "/api/v1/pki/crl/**", "read the CRL", Who.ANY),
            rule("POST", "/api/v1/exchange/batches", "deliver a batch", Who.NODE),
            // a receiver fills a gap from the source's own batches (SPEC §7)
            rule("GET", "/api/v1/exchange/batches", "fetch a source's batches", Who.NODE, Who.AUDITOR),
            rule("POST", "/api/v1/exchange/batches/**", "send a delivery again", Who.OWN_OFFICE),
            rule("GET", "/api/v1/exchange/refused", "read the refused-batch log", Who.AUDITOR),
            rule("GET", "/api/v1/exchange/batches/**", "read batch status", Who.OWN_OFFICE, Who.AUDITOR),
            rule("GET", "/api/v1/exchange/deliveries", "read delivery states", Who.OWN_OFFICE, Who.AUDITOR),
            rule("GET", "/api/v1/region/**", "read the exchange status", Who.NODE, Who.OWN_OFFICE, Who.AUDITOR),
            rule("GET", "/api/v1/records/**", "query records", Who.NODE, Who.OWN_OFFICE, Who.AUDITOR),
            rule("POST", "/api/v1/ingest/**", "ingest", Who.OWN_OFFICE),
            // nodes fetch each other's signed checkpoints and consistency proofs (SPEC §5)
            rule("GET", "/api/v1/audit/checkpoint", "read audit checkpoints", Who.NODE, Who.AUDITOR),
            rule("GET", "/api/v1/audit/proof/**", "read audit proofs", Who.NODE, Who.AUDITOR),
            rule("GET", "/api/v1/audit/**", "read audit data", Who.AUDITOR),
            rule("GET", "/actuator/**", "read metrics", Who.OWN_OFFICE, Who.AUDITOR),
            rule(null, "/services/**", "use the SOAP service", Who.OWN_OFFICE));

    /** The outcome for one request; {@code reason} explains a refusal in one line. */
    public record Decision(boolean allowed, String operation, String reason) {
    }

    private final NodeCode self;

    public AccessRules(NodeCode self) {
        this.self = self;
    }

    public Decision decide(String cn, String method, String path) {
        Rule rule = RULES.stream().filter(r -> r.matches(method, path)).findFirst().orElse(null);
        String op = rule == null ? method + " " + path : rule.operation() + " (" + method + " " + path + ")";
        if (cn == null) {
            return new Decision(false, op, "no client certificate CN: may not " + op);
        }
        if (rule == null) {
            return new Decision(false, op, "CN=" + cn + " may not " + op + ": not an operation of this node");
        }
        Set<Who> callerIs = classify(cn);
        boolean office = cn.startsWith("office-") && isNodeCode(cn.substring("office-".length()));
        if (callerIs.isEmpty() && !office) {
            return new Decision(false, op, "CN=" + cn + " may not " + op
                    + ": not a node, office-<NODE> or auditor certificate");
        }
        for (Who w : rule.who()) {
            if (w == Who.ANY || callerIs.contains(w)) {
                return new Decision(true, op, null);
            }
        }
        String hint = office && !callerIs.contains(Who.OWN_OFFICE)
                ? ": an office system may act only at its own node, this is " + self
                : ": allowed for " + rule.who().stream().map(AccessRules::describe).toList();
        return new Decision(false, op, "CN=" + cn + " may not " + op + " at node " + self + hint);
    }

    /** What a CN is here: NODE, OWN_OFFICE (or an office of another node: neither), AUDITOR. */
    Set<Who> classify(String cn) {
        Set<Who> out = EnumSet.noneOf(Who.class);
        if (cn.equals("auditor")) {
            out.add(Who.AUDITOR);
        } else if (cn.equals("office-" + self.name()) && self.isProvince()) {
            out.add(Who.OWN_OFFICE);
        } else if (isNodeCode(cn)) {
            out.add(Who.NODE);
        }
        return out;
    }

    private static boolean isNodeCode(String cn) {
        for (NodeCode n : NodeCode.values()) {
            if (n.name().equals(cn)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Who w) {
        return switch (w) {
            case ANY -> "any regional certificate";
            case NODE -> "node certificates";
            case OWN_OFFICE -> "this node's office-<NODE>";
            case AUDITOR -> "auditor";
        };
    }
}
