package cn.ydcx.gateway.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The dataset-specific {@code data} object of a canonical record. Dates are canonical
 * {@code yyyy-MM-dd} strings and amounts canonical yuan strings with two decimals
 * ({@code "2000.00"}): they are already in wire form, so serialising never reformats them.
 */
public sealed interface RecordData permits PenaltyData, LicenseData, DishonestyData, ReportData {

    @JsonIgnore
    Dataset dataset();

    /** The record's key at its source (SPEC §2 sourceKey rule); null if the data has none. */
    @JsonIgnore
    String sourceKey();

    /** The Java type that carries the data of a dataset. */
    static Class<? extends RecordData> typeOf(Dataset dataset) {
        return switch (dataset) {
            case PENALTY -> PenaltyData.class;
            case LICENSE -> LicenseData.class;
            case DISHONESTY -> DishonestyData.class;
            case REPORT -> ReportData.class;
        };
    }
}
