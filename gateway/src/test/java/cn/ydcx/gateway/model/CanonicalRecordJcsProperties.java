package cn.ydcx.gateway.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ydcx.gateway.jcs.Jcs;
import cn.ydcx.gateway.jcs.JcsBuffer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link CanonicalRecordJcs} (canonical bytes from the typed record) is byte-identical to the
 * reference path {@code Jcs.canonicalize(record.toJson())} for records of every dataset, with
 * optional values present and absent and text that JCS must escape or encode specially.
 */
class CanonicalRecordJcsProperties {

    @Property(tries = 1500)
    void typedBytesEqualTheJacksonTreePath(@ForAll("records") CanonicalRecord r) {
        Statistics.collect(r.dataset());
        byte[] expected = Jcs.canonicalize(r.toJson());
        assertThat(r.canonicalBytes()).isEqualTo(expected);

        // appended after other bytes, as the records of a batch share one buffer
        JcsBuffer batch = new JcsBuffer(16);
        batch.raw((byte) 'x');
        CanonicalRecordJcs.write(r, batch);
        assertThat(batch.copy(1, batch.length())).isEqualTo(expected);
    }

    /** A lone surrogate is not I-JSON: both paths refuse the record, and the buffer is left as it was. */
    @Property(tries = 300)
    void loneSurrogatesAreRefusedLikeTheTreePath(@ForAll("records") CanonicalRecord r,
            @ForAll("loneSurrogates") String bad) {
        CanonicalRecord broken = new CanonicalRecord(r.recordId(), r.dataset(), r.source(), r.sourceKey(), r.op(),
                new Subject(bad, null, null, null, null, null), r.data());
        assertThatThrownBy(() -> Jcs.canonicalize(broken.toJson())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(broken::canonicalBytes).isInstanceOf(IllegalArgumentException.class);
        JcsBuffer out = new JcsBuffer();
        CanonicalRecordJcs.write(r, out);
        int before = out.length();
        assertThatThrownBy(() -> CanonicalRecordJcs.write(broken, out)).isInstanceOf(IllegalArgumentException.class);
        assertThat(out.length()).isEqualTo(before);
    }

    /** A member added to a record type must be added to the writer too (else it would be silently dropped). */
    @Example
    void everyRecordComponentIsAMemberInRfc8785Order() {
        List<List<String>> shapes = CanonicalRecordJcs.shapes();
        List<Class<? extends Record>> types = List.of(CanonicalRecord.class, Subject.class, Org.class,
                PenaltyData.class, LicenseData.class, DishonestyData.class, ReportData.class);
        for (int i = 0; i < types.size(); i++) {
            List<String> components = new ArrayList<>(Arrays.stream(types.get(i).getRecordComponents())
                    .map(c -> c.getName()).toList());
            components.sort(null);
            assertThat(shapes.get(i)).as(types.get(i).getSimpleName()).isEqualTo(components);
        }
        assertThat(shapes.get(0)).containsExactly("data", "dataset", "op", "recordId", "source", "sourceKey",
                "subject");
    }

    @Example
    void emptyObjectsAndAbsentOrgsMatchToo() {
        CanonicalRecord r = new CanonicalRecord("id", Dataset.PENALTY, NodeCode.ZJ, "", Op.RETRACT,
                new Subject(null, null, null, null, null, null),
                new PenaltyData(null, "", null, null, List.of(), null, null, null, null, null, null, null,
                        new Org(null, null), null, null));
        assertThat(new String(r.canonicalBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(
                "{\"data\":{\"authority\":{},\"violationType\":\"\"},\"dataset\":\"penalty\",\"op\":\"RETRACT\","
                        + "\"recordId\":\"id\",\"source\":\"ZJ\",\"sourceKey\":\"\",\"subject\":{}}");
        assertThat(r.canonicalBytes()).isEqualTo(Jcs.canonicalize(r.toJson()));
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<CanonicalRecord> records() {
        return Arbitraries.oneOf(penalty(), license(), dishonesty(), report());
    }

    @Provide
    Arbitrary<String> loneSurrogates() {
        Arbitrary<String> lone = Arbitraries.oneOf(Arbitraries.chars().range('\uD800', '\uDBFF'),
                Arbitraries.chars().range('\uDC00', '\uDFFF')).map(String::valueOf);
        return net.jqwik.api.Combinators.combine(text(), lone, text()).as((a, s, b) -> a + s + b);
    }

    /** Text with everything JCS treats specially: escapes, controls, 2/3/4-byte UTF-8, U+2028, BOM. */
    static Arbitrary<String> text() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.chars().range(' ', '~').map(String::valueOf)),
                Tuple.of(5, Arbitraries.chars().range('\u4E00', '\u9FA5').map(String::valueOf)),
                Tuple.of(2, Arbitraries.of("\"", "\\", "/", "\b", "\f", "\n", "\r", "\t", "\u0000", "\u001F",
                        "\u007F", "\u0080", "é", "\u07FF", "\u0800", "\u2028", "\u2029", "\uFEFF", "\uFFFF",
                        "\u3000", "（", "）", "〔", "〕", "\u200B").map(String::valueOf)),
                Tuple.of(1, Arbitraries.chars().range('\u0000', '\u001F').map(String::valueOf)),
                Tuple.of(1, Arbitraries.chars().range('\uE000', '\uFFFF').map(String::valueOf)),
                Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF).map(cp -> new String(Character.toChars(cp)))),
                Tuple.of(1, Arbitraries.of("𠮷", "😀", "㐀")));
        return piece.list().ofMaxSize(24).map(l -> String.join("", l));
    }

    static Arbitrary<String> opt() {
        return text().injectNull(0.3);
    }

    /** Amount strings from 0.00 to Long.MAX_VALUE / 100 and beyond (they are strings in the record). */
    static Arbitrary<String> amount() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, Long.MAX_VALUE).map(v -> BigDecimal.valueOf(v, 2).toPlainString()),
                Arbitraries.of("0.00", "0.01", "99999999999999.99", "1E+3", "-0.00", "123456789012345678901234.56"))
                .injectNull(0.4);
    }

    static <E extends Enum<E>> Arbitrary<E> code(Class<E> type) {
        return Arbitraries.of(type).injectNull(0.3);
    }

    static Arbitrary<Org> org() {
        return net.jqwik.api.Combinators.combine(opt(), opt()).as(Org::new).injectNull(0.2);
    }

    static Arbitrary<Subject> subject() {
        return net.jqwik.api.Combinators.combine(opt(), code(SubjectCategory.class), opt(), opt(),
                code(IdType.class), opt()).as(Subject::new);
    }

    static Arbitrary<CanonicalRecord> record(Dataset dataset, Arbitrary<? extends RecordData> data) {
        return net.jqwik.api.Combinators.combine(text(), Arbitraries.of(NodeCode.class), text(),
                Arbitraries.of(Op.class), subject(), data)
                .as((id, source, key, op, s, d) -> new CanonicalRecord(id, dataset, source, key, op, s, d));
    }

    static Arbitrary<CanonicalRecord> penalty() {
        Arbitrary<List<PenaltyType>> types = Arbitraries.of(PenaltyType.class).list().uniqueElements().ofMaxSize(8)
                .injectNull(0.1);
        Arbitrary<PenaltyData> data = net.jqwik.api.Combinators.combine(
                opt().list().ofSize(8), types, amount(), amount(), org(), org())
                .as((t, pt, fine, conf, auth, src) -> new PenaltyData(t.get(0), t.get(1), t.get(2), t.get(3), pt,
                        t.get(4), fine, conf, t.get(5), t.get(6), t.get(7), t.get(0), auth, src, t.get(3)));
        return record(Dataset.PENALTY, data);
    }

    static Arbitrary<CanonicalRecord> license() {
        Arbitrary<LicenseData> data = net.jqwik.api.Combinators.combine(
                opt().list().ofSize(9), code(LicenseCategory.class), code(LicenseStatus.class), org(), org())
                .as((t, cat, status, auth, src) -> new LicenseData(t.get(0), t.get(1), cat, t.get(2), t.get(3),
                        t.get(4), t.get(5), t.get(6), t.get(7), auth, src, status, t.get(8)));
        return record(Dataset.LICENSE, data);
    }

    static Arbitrary<CanonicalRecord> dishonesty() {
        Arbitrary<DishonestyData> data = net.jqwik.api.Combinators.combine(
                opt().list().ofSize(6), code(ListType.class), code(Domain.class), code(DishonestyStatus.class),
                code(RemovalReason.class), org())
                .as((t, list, domain, status, reason, auth) -> new DishonestyData(list, domain, t.get(0), t.get(1),
                        t.get(2), auth, t.get(3), t.get(4), status, t.get(5), reason));
        return record(Dataset.DISHONESTY, data);
    }

    static Arbitrary<CanonicalRecord> report() {
        Arbitrary<ReportData> data = net.jqwik.api.Combinators.combine(
                opt().list().ofSize(5), org(), code(Rating.class), code(ReportPurpose.class))
                .as((t, agency, rating, purpose) -> new ReportData(t.get(0), agency, rating, t.get(1), t.get(2),
                        purpose, t.get(3), t.get(4)));
        return record(Dataset.REPORT, data);
    }
}
