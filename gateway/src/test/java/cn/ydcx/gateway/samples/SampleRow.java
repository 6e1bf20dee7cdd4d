package cn.ydcx.gateway.samples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One native row of a sample and what normalising it must give: a record, or reject reasons. */
final class SampleRow {
    /** native column / key / element → value (see NativeWriter for the value types) */
    final Map<String, Object> nat = new LinkedHashMap<>();
    /** a verbatim line instead of {@link #nat} (malformed rows) */
    String raw;
    /** expected canonical record, when the row is valid */
    ObjectNode expected;
    /** expected reject: cleaned sourceKey (may be null) and reasons in SPEC order */
    String rejectKey;
    List<String> reasons;
    /** the hard cases / invalid case this row exercises (for samples/README.md) */
    final List<String> notes = new ArrayList<>();
}
