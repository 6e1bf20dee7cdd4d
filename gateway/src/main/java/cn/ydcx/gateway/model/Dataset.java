package cn.ydcx.gateway.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The four exchanged datasets (SPEC §2); {@link #code()} is the lowercase wire name. */
public enum Dataset {
    LICENSE("license"),
    PENALTY("penalty"),
    DISHONESTY("dishonesty"),
    REPORT("report");

    private final String code;

    Dataset(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Dataset of(String code) {
        for (Dataset d : values()) {
            if (d.code.equals(code)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown dataset '" + code + "' (expected one of "
                + Arrays.stream(values()).map(Dataset::code).toList() + ")");
    }

    @Override
    public String toString() {
        return code;
    }
}
