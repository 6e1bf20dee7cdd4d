package cn.ydcx.gateway.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;

/**
 * The shipped JSON Schema of the canonical record ({@code schema/canonical-record.schema.json},
 * draft 2020-12), loaded once. Structural check only; check digits and dates are checked in code.
 */
public final class CanonicalSchema {
    public static final String RESOURCE = "schema/canonical-record.schema.json";
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of("classpath:" + RESOURCE));

    private CanonicalSchema() {
    }

    /** Violations of the schema, one readable line each; empty when the record conforms. */
    public static List<String> validate(JsonNode record) {
        return SCHEMA.validate(record).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
