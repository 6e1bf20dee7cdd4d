package cn.ydcx.gateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.model.CanonicalField;
import cn.ydcx.gateway.model.CanonicalFields;
import cn.ydcx.gateway.model.CanonicalRecord;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.FieldKind;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.validation.RecordValues;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * For every node × dataset with a mapping (everything under mappings/, plus the AH penalty test
 * fixture while mappings/AH/penalty.yaml does not exist): generated valid canonical records →
 * export → normalize gives the same records, and native → canonical → native → canonical gives the
 * same records and the same bytes.
 *
 * <p>The only fields excluded are those SPEC §3 gives a node no column for, listed here
 * explicitly; {@link #noMappingLacksAFieldBeyondTheDocumentedOnes} fails if a mapping drops any
 * other field.
 */
class RoundTripProperties {
    /** node/dataset (or * for every node) → canonical fields the native format cannot carry. */
    static final Map<String, Set<String>> LOSSY = Map.of(
            "AH/penalty", Set.of("data.licenseAction", "data.validUntil", "data.publicUntil"),
            "*/report", Set.of("subject.legalRepresentative", "subject.idType", "subject.idNumber"));

    static final MappingRegistry REGISTRY = TestMappings.registry();

    record Case(Mapping mapping, List<CanonicalRecord> records) {
        @Override
        public String toString() {
            return mapping.node() + "/" + mapping.dataset().code() + " × " + records.size();
        }
    }

    static Set<String> lossy(Mapping m) {
        Set<String> out = new TreeSet<>();
        out.addAll(LOSSY.getOrDefault(m.node() + "/" + m.dataset().code(), Set.of()));
        out.addAll(LOSSY.getOrDefault("*/" + m.dataset().code(), Set.of()));
        return out;
    }

    static Set<String> unmapped(Mapping m) {
        Set<String> out = new TreeSet<>();
        for (CanonicalField f : CanonicalFields.of(m.dataset())) {
            if (m.sourcesOf(f.path()).isEmpty()) {
                out.add(f.path());
            }
        }
        return out;
    }

    static int penaltyTypeColumns(Mapping m) {
        return m.dataset() == Dataset.PENALTY ? m.sourcesOf("data.penaltyTypes").size() : 0;
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.of(REGISTRY.all()).flatMap(m -> {
            boolean wide = m.charset().newEncoder().canEncode("𠮷");
            int maxTypes = penaltyTypeColumns(m) > 1 ? penaltyTypeColumns(m) : 3;
            return new CanonicalRecords(wide).records(m.node(), m.dataset(), maxTypes, 12).map(l -> new Case(m, l));
        });
    }

    static ExportSummary export(Mapping m, List<CanonicalRecord> records, ByteArrayOutputStream out) {
        return new Exporter(REGISTRY).export(m.node(), m.dataset(), records.iterator(), out);
    }

    static CollectingSink normalize(Mapping m, byte[] bytes) {
        CollectingSink sink = new CollectingSink();
        new Normalizer(REGISTRY).normalize(m.node(), m.dataset(), new ByteArrayInputStream(bytes), sink);
        return sink;
    }

    @Property(tries = 400)
    void exportThenNormalizeGivesTheSameRecords(@ForAll("cases") Case c) {
        Mapping m = c.mapping();
        Statistics.collect(m.file());
        Statistics.coverage(cov -> REGISTRY.all().forEach(x -> cov.check(x.file()).count(n -> n > 0)));
        ByteArrayOutputStream native1 = new ByteArrayOutputStream();
        ExportSummary s = export(m, c.records(), native1);
        assertThat(s.problems()).isEmpty();
        assertThat(s.written()).isEqualTo(c.records().size());
        assertThat(s.dropped()).containsOnlyKeys(droppedPaths(m, c.records()));

        CollectingSink back = normalize(m, native1.toByteArray());
        assertThat(back.rejects).as("rejects of %s", m.file()).isEmpty();
        List<CanonicalRecord> expected = c.records().stream().map(r -> CanonicalRecords.without(r, lossy(m))).toList();
        assertThat(json(back.records)).isEqualTo(json(expected));

        // native → canonical → native → canonical: the same records and byte-identical native text
        ByteArrayOutputStream native2 = new ByteArrayOutputStream();
        assertThat(export(m, back.records, native2).problems()).isEmpty();
        assertThat(native2.toByteArray()).isEqualTo(native1.toByteArray());
        assertThat(json(normalize(m, native2.toByteArray()).records)).isEqualTo(json(back.records));
    }

    /** Fields with a value in some record that the mapping has no source for. */
    private static Set<String> droppedPaths(Mapping m, List<CanonicalRecord> records) {
        Set<String> out = new TreeSet<>();
        for (CanonicalRecord r : records) {
            Object[] v = RecordValues.of(r.subject(), r.data());
            for (CanonicalField f : CanonicalFields.of(m.dataset())) {
                if (v[f.index()] != null && m.sourcesOf(f.path()).isEmpty()) {
                    out.add(f.path());
                }
            }
        }
        return out;
    }

    private static List<String> json(List<CanonicalRecord> records) {
        List<String> out = new ArrayList<>();
        records.forEach(r -> out.add(r.toJson().toString()));
        return out;
    }

    @Example
    void noMappingLacksAFieldBeyondTheDocumentedOnes() {
        for (Mapping m : REGISTRY.all()) {
            assertThat(unmapped(m)).as(m.file()).isSubsetOf(lossy(m));
        }
    }

    @Example
    void everyFormatFamilyIsCovered() {
        List<Mapping> all = REGISTRY.all();
        assertThat(all.stream().map(Mapping::format).distinct()).containsExactlyInAnyOrder(NativeFormat.values());
        for (NodeCode n : List.of(NodeCode.SH, NodeCode.JS)) {
            for (Dataset d : Dataset.values()) {
                assertThat(REGISTRY.has(n, d)).as(n + "/" + d).isTrue();
            }
        }
        assertThat(REGISTRY.has(NodeCode.ZJ, Dataset.PENALTY)).isTrue();
    }

    /** Every code of every coded field has a label to write, in every mapping. */
    @Example
    void everyCodeCanBeWritten() {
        for (Mapping m : REGISTRY.all()) {
            for (FieldBinding b : m.bindings()) {
                if (b.field().kind() == FieldKind.CODE || b.field().kind() == FieldKind.CODE_ARRAY) {
                    for (Enum<?> code : b.field().codeList().type().getEnumConstants()) {
                        assertThat(b.codes().labelOf(code)).as(m.file() + " " + b.field().path() + " " + code).isNotNull();
                    }
                }
            }
        }
    }
}
