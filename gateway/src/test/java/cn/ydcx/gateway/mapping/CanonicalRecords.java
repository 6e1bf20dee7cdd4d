package cn.ydcx.gateway.mapping;

import cn.ydcx.gateway.model.CanonicalField;
import cn.ydcx.gateway.model.CanonicalFields;
import cn.ydcx.gateway.model.CanonicalRecord;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.DishonestyData;
import cn.ydcx.gateway.model.DishonestyStatus;
import cn.ydcx.gateway.model.Domain;
import cn.ydcx.gateway.model.IdType;
import cn.ydcx.gateway.model.LicenseCategory;
import cn.ydcx.gateway.model.LicenseData;
import cn.ydcx.gateway.model.LicenseStatus;
import cn.ydcx.gateway.model.ListType;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.model.Op;
import cn.ydcx.gateway.model.Org;
import cn.ydcx.gateway.model.PenaltyData;
import cn.ydcx.gateway.model.PenaltyType;
import cn.ydcx.gateway.model.Rating;
import cn.ydcx.gateway.model.RemovalReason;
import cn.ydcx.gateway.model.ReportData;
import cn.ydcx.gateway.model.ReportPurpose;
import cn.ydcx.gateway.model.Subject;
import cn.ydcx.gateway.model.SubjectCategory;
import cn.ydcx.gateway.validation.RecordAssembler;
import cn.ydcx.gateway.validation.RecordValues;
import cn.ydcx.gateway.validation.ResidentId;
import cn.ydcx.gateway.validation.TextCleaner;
import cn.ydcx.gateway.validation.Uscc;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of valid canonical records with realistic content: USCCs and resident IDs with
 * computed check characters, real dates, amounts with two decimals, Chinese text mixed with the
 * characters native formats must escape (, | " ; < > &). With {@code wide}, text also uses
 * characters outside GBK (𠮷 U+20BB7, 㐀, 😀); pass false for GBK nodes.
 */
final class CanonicalRecords {
    static final String HANZI = "上海江苏浙江安徽市场监督管理局生态环境应急综合行政执法有限公司科技贸易建材化工餐饮"
            + "当事人未按规定经营超过保质期的食品依据中华人民共和国法第条款项罚款警告没收违法所得许可证"
            + "张王李赵刘陈杨黄吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏";
    static final String SPECIAL = ",|\";<>&'\\-_/（）【】《》〔〕：、。·";
    static final String WIDE = "𠮷㐀😀";

    private final boolean wide;

    CanonicalRecords(boolean wide) {
        this.wide = wide;
    }

    // ------------------------------------------------------------------ values

    Arbitrary<String> text(int min, int max) {
        Arbitrary<Character> han = Arbitraries.of(chars(HANZI));
        Arbitrary<Character> special = Arbitraries.of(chars(SPECIAL + " "));
        Arbitrary<Character> ascii = Arbitraries.chars().range('0', '9').with('a', 'b', 'Z', '(', ')');
        Arbitrary<Character> any = Arbitraries.frequencyOf(Tuple.of(20, han), Tuple.of(3, special), Tuple.of(3, ascii));
        Arbitrary<String> base = any.list().ofMinSize(min).ofMaxSize(max).map(CanonicalRecords::join);
        if (!wide) {
            return base.map(s -> nonEmpty(TextCleaner.clean(s)));
        }
        // non-BMP characters are whole code points, inserted separately so no surrogate is split
        return Combinators.combine(base, Arbitraries.of("", "", "", "𠮷", "😀", "㐀"), Arbitraries.integers().between(0, 100))
                .as((s, w, at) -> {
                    int i = Math.min(at, s.length());
                    return nonEmpty(TextCleaner.clean(s.substring(0, i) + w + s.substring(i)));
                });
    }

    private static String join(List<Character> cs) {
        StringBuilder b = new StringBuilder(cs.size());
        cs.forEach(b::append);
        return b.toString();
    }

    private static String nonEmpty(String s) {
        return s == null ? "某" : s;
    }

    Arbitrary<String> name() {
        return Combinators.combine(text(2, 8), Arbitraries.of("有限公司", "股份有限公司", "(上海)有限公司", "市场监督管理局", "经营部"))
                .as((a, b) -> TextCleaner.name(a + b));
    }

    static Arbitrary<String> uscc() {
        return Arbitraries.strings().withChars(Uscc.CHARSET.toCharArray()).ofLength(17)
                .map(s -> s + Uscc.checkChar(s));
    }

    static Arbitrary<String> residentId() {
        Arbitrary<String> region = Arbitraries.of("310101", "320102", "330106", "340104", "310115");
        Arbitrary<LocalDate> birth = Arbitraries.integers().between(0, 20_000).map(d -> LocalDate.of(1950, 1, 1).plusDays(d));
        Arbitrary<String> seq = Arbitraries.strings().numeric().ofLength(3);
        return Combinators.combine(region, birth, seq).as((r, b, s) -> {
            String first17 = r + b.toString().replace("-", "") + s;
            return first17 + ResidentId.checkChar(first17);
        });
    }

    static Arbitrary<String> date() {
        return Arbitraries.integers().between(0, 18_000).map(d -> LocalDate.of(1995, 1, 1).plusDays(d).toString());
    }

    static Arbitrary<String> amount() {
        return Arbitraries.longs().between(0, 99_999_999_999L).map(c -> BigDecimal.valueOf(c, 2).toPlainString());
    }

    static Arbitrary<String> identifier() {
        Arbitrary<String> prefix = Arbitraries.of("沪市监罚", "苏环罚", "浙应急罚", "皖市监处", "(2023)沪0115执", "JY", "XK-");
        return Combinators.combine(prefix, Arbitraries.integers().between(2000, 2030), Arbitraries.integers().between(1, 99_999))
                .as((p, y, n) -> TextCleaner.identifier(p.startsWith("(") || p.length() <= 3 ? p + n
                        : p + "〔" + y + "〕" + n + "号"));
    }

    static <T> Arbitrary<T> optional(Arbitrary<T> a) {
        return a.injectNull(0.33);
    }

    Arbitrary<Org> org() {
        return Combinators.combine(name(), uscc()).as(Org::new);
    }

    /** A subject that passes SPEC §2 subject rules; no natural persons when {@code persons} is false. */
    Arbitrary<Subject> subject(boolean persons) {
        Arbitrary<Subject> legal = Combinators.combine(name(), uscc(), optional(text(2, 3)))
                .as((n, u, rep) -> new Subject(n, SubjectCategory.LEGAL_ENTITY, u, rep, null, null));
        Arbitrary<Subject> business = Combinators.combine(name(), optional(uscc()), optional(text(2, 3)))
                .as((n, u, rep) -> new Subject(n, SubjectCategory.INDIVIDUAL_BUSINESS, u, rep, null, null));
        Arbitrary<String> personName = text(2, 4).map(TextCleaner::name);
        Arbitrary<Subject> idCard = Combinators.combine(personName, residentId())
                .as((n, id) -> new Subject(n, SubjectCategory.NATURAL_PERSON, null, null, IdType.ID_CARD, id));
        Arbitrary<Subject> other = Combinators.combine(personName, Arbitraries.of(IdType.PASSPORT, IdType.HK_MACAO_PASS,
                        IdType.TAIWAN_PASS, IdType.FOREIGN_PERMANENT_RESIDENT, IdType.OTHER),
                Arbitraries.strings().withChars("ABCDEFGHJK0123456789").ofMinLength(6).ofMaxLength(12))
                .as((n, t, id) -> new Subject(n, SubjectCategory.NATURAL_PERSON, null, null, t, id));
        return persons ? Arbitraries.oneOf(legal, business, idCard, other) : Arbitraries.oneOf(legal, business);
    }

    // ------------------------------------------------------------------ records

    /** Records of a dataset from a node; penalty types limited to {@code maxTypes} (columns the node has). */
    Arbitrary<CanonicalRecord> record(NodeCode node, Dataset dataset, int maxTypes) {
        return switch (dataset) {
            case PENALTY -> Combinators.combine(subject(true), penalty(maxTypes))
                    .as((s, d) -> CanonicalRecord.of(node, Op.UPSERT, s, d));
            case LICENSE -> Combinators.combine(subject(true), license())
                    .as((s, d) -> CanonicalRecord.of(node, Op.UPSERT, s, d));
            case DISHONESTY -> Combinators.combine(subject(true), dishonesty())
                    .as((s, d) -> CanonicalRecord.of(node, Op.UPSERT, s, d));
            // SPEC §3 report files have no ID columns, so a natural person could never be read back
            case REPORT -> Combinators.combine(subject(false), report())
                    .as((s, d) -> CanonicalRecord.of(node, Op.UPSERT, s, d));
        };
    }

    Arbitrary<List<CanonicalRecord>> records(NodeCode node, Dataset dataset, int maxTypes, int max) {
        return record(node, dataset, maxTypes).list().ofMinSize(1).ofMaxSize(max).uniqueElements(CanonicalRecord::sourceKey);
    }

    private Arbitrary<PenaltyData> penalty(int maxTypes) {
        Arbitrary<List<PenaltyType>> types = Arbitraries.of(PenaltyType.class).list().ofMinSize(1)
                .ofMaxSize(Math.min(3, maxTypes)).uniqueElements();
        Arbitrary<String[]> texts = Combinators.combine(optional(text(2, 10)), text(5, 40), text(5, 30), text(2, 30),
                optional(text(4, 20)), optional(text(2, 20))).as((vt, facts, basis, content, action, remark) ->
                new String[] {vt, facts, basis, content, action, remark});
        Arbitrary<String[]> dates = Combinators.combine(date(), optional(date()), optional(date()))
                .as((a, b, c) -> new String[] {a, b, c});
        return Combinators.combine(identifier(), types, texts, amount(), optional(amount()), dates, org(), org())
                .as((dn, ts, t, fine, conf, d, auth, ds) -> new PenaltyData(dn, t[0], t[1], t[2], ts, t[3],
                        ts.contains(PenaltyType.FINE) || conf == null ? fine : null, conf, t[4], d[0], d[1], d[2],
                        auth, ds, t[5]));
    }

    private Arbitrary<LicenseData> license() {
        Arbitrary<String[]> keys = Combinators.combine(optional(identifier()), identifier(), Arbitraries.integers().between(0, 2))
                .as((dn, ln, which) -> which == 0 ? new String[] {dn == null ? ln : dn, null}
                        : new String[] {dn, ln});
        Arbitrary<String[]> texts = Combinators.combine(text(4, 15), optional(text(2, 12)), text(4, 30), optional(text(2, 15)))
                .as((doc, lname, content, remark) -> new String[] {doc, lname, content, remark});
        Arbitrary<String> validTo = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just("9999-12-31")),
                Tuple.of(3, date()));
        return Combinators.combine(keys, texts, Arbitraries.of(LicenseCategory.class), date(), date(), validTo,
                        Combinators.combine(org(), org()).as(java.util.Arrays::asList), optional(Arbitraries.of(LicenseStatus.class)))
                .as((k, t, cat, dd, from, to, orgs, status) -> new LicenseData(k[0], t[0], cat, t[1], k[1], t[2], dd,
                        from, to, orgs.get(0), orgs.get(1), status, t[3]));
    }

    private Arbitrary<DishonestyData> dishonesty() {
        Arbitrary<Object[]> removal = Combinators.combine(Arbitraries.of(DishonestyStatus.class), date(),
                optional(Arbitraries.of(RemovalReason.class))).as((st, on, why) -> st == DishonestyStatus.REMOVED
                ? new Object[] {st, on, why} : new Object[] {st, null, null});
        return Combinators.combine(Arbitraries.of(ListType.class), Arbitraries.of(Domain.class), identifier(),
                        text(5, 30), text(5, 30), org(), Combinators.combine(date(), optional(date())).as(java.util.Arrays::asList), removal)
                .as((lt, dom, dn, reason, basis, auth, dates, rem) -> new DishonestyData(lt, dom, dn, reason, basis, auth,
                        dates.get(0), dates.get(1), (DishonestyStatus) rem[0], (String) rem[1], (RemovalReason) rem[2]));
    }

    private Arbitrary<ReportData> report() {
        Arbitrary<String> sha = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
        return Combinators.combine(identifier(), org(), Arbitraries.of(Rating.class), date(), date(),
                        optional(Arbitraries.of(ReportPurpose.class)), optional(text(5, 40)), optional(sha))
                .as(ReportData::new);
    }

    // ------------------------------------------------------------------ helpers

    /** The record as a node without columns for {@code lossy} must give it back: those fields absent. */
    static CanonicalRecord without(CanonicalRecord r, Collection<String> lossy) {
        if (lossy.isEmpty()) {
            return r;
        }
        Object[] v = RecordValues.of(r.subject(), r.data());
        for (CanonicalField f : CanonicalFields.of(r.dataset())) {
            if (lossy.contains(f.path())) {
                v[f.index()] = null;
            }
        }
        return CanonicalRecord.of(r.source(), r.op(), RecordAssembler.subject(v), RecordAssembler.data(r.dataset(), v));
    }

    private static List<Character> chars(String s) {
        List<Character> out = new ArrayList<>();
        for (char c : s.toCharArray()) {
            out.add(c);
        }
        return out;
    }
}
