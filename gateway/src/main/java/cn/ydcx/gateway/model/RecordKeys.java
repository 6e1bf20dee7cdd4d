package cn.ydcx.gateway.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * What a node indexes a record version by: its recordId, its op, and its subject key (SPEC §9):
 * the USCC when the subject has one, else {@code "<idNumber>|<idType>"} (the number first, so a
 * query by ID number alone is a prefix range), null for a record with neither (a name-only
 * legacy row: it cannot be matched by key).
 */
public record RecordKeys(String recordId, Op op, String subjectKey) {

    private static final JsonFactory JSON = new JsonFactory();

    /** The subject key of SPEC §9, or null when the subject has neither USCC nor ID number. */
    public static String subjectKey(String uscc, String idType, String idNumber) {
        if (uscc != null && !uscc.isEmpty()) {
            return uscc;
        }
        if (idNumber == null || idNumber.isEmpty()) {
            return null;
        }
        return idNumber + "|" + (idType == null ? "" : idType);
    }

    /** First key of the range of every subject key with this ID number, whatever its type. */
    public static String idNumberRangeStart(String idNumber) {
        return idNumber + "|";
    }

    /** Just past the last key of that range ('}' follows '|' in every collation of ASCII). */
    public static String idNumberRangeEnd(String idNumber) {
        return idNumber + "}";
    }

    /** The keys of a typed record, without writing or reading any JSON. */
    public static RecordKeys of(CanonicalRecord r) {
        Subject s = r.subject();
        return new RecordKeys(r.recordId(), r.op(),
                subjectKey(s.uscc(), s.idType() == null ? null : s.idType().name(), s.idNumber()));
    }

    /**
     * The keys of a record's JSON bytes, read with Jackson's streaming parser (no tree; the data
     * member is skipped). The bytes were already verified as a record of its batch.
     *
     * @throws IllegalArgumentException when the bytes are not a record object with a recordId and op
     */
    public static RecordKeys read(byte[] b, int offset, int length) {
        String recordId = null;
        String op = null;
        String uscc = null;
        String idType = null;
        String idNumber = null;
        try (JsonParser p = JSON.createParser(b, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a record is a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "recordId" -> recordId = p.getValueAsString();
                    case "op" -> op = p.getValueAsString();
                    case "subject" -> {
                        if (value != JsonToken.START_OBJECT) {
                            p.skipChildren();
                            break;
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String field = p.currentName();
                            p.nextToken();
                            switch (field) {
                                case "uscc" -> uscc = p.getValueAsString();
                                case "idType" -> idType = p.getValueAsString();
                                case "idNumber" -> idNumber = p.getValueAsString();
                                default -> p.skipChildren();
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("record is not JSON: " + e.getMessage(), e);
        }
        if (recordId == null || op == null) {
            throw new IllegalArgumentException("record lacks " + (recordId == null ? "recordId" : "op"));
        }
        Op parsed;
        try {
            parsed = Op.valueOf(op);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("record op is '" + op + "', not UPSERT or RETRACT");
        }
        return new RecordKeys(recordId, parsed, subjectKey(uscc, idType, idNumber));
    }
}
