package cn.ydcx.gateway.model;

import cn.ydcx.gateway.jcs.JcsBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * RFC 8785 canonical bytes of a {@link CanonicalRecord} written straight from the typed record:
 * no Jackson tree, no sorting per record. Every object shape (top level, subject, org, the four
 * data types) is a member list sorted once at class init by UTF-16 code units, as RFC 8785
 * §3.2.3 asks, with each {@code "key":} already encoded. Absent (null) values are omitted like
 * {@link Json#mapper()} does; every value is a string, an enum code, an org or a code array (the
 * canonical record has no JSON numbers: amounts and dates are strings).
 *
 * <p>Must equal {@code Jcs.canonicalize(record.toJson())} byte for byte, including refusing a
 * lone surrogate with IllegalArgumentException (checked by {@code CanonicalRecordJcsProperties}).
 */
public final class CanonicalRecordJcs {
    /** A thread's scratch buffer above this size is not kept after use. */
    private static final int KEEP_MAX = 64 * 1024;
    private static final ThreadLocal<JcsBuffer> SCRATCH = ThreadLocal.withInitial(JcsBuffer::new);

    private static final Shape<Org> ORG = new Shape<Org>()
            .add("name", Org::name)
            .add("uscc", Org::uscc)
            .sorted();
    private static final Shape<Subject> SUBJECT = new Shape<Subject>()
            .add("name", Subject::name)
            .add("category", Subject::category)
            .add("uscc", Subject::uscc)
            .add("legalRepresentative", Subject::legalRepresentative)
            .add("idType", Subject::idType)
            .add("idNumber", Subject::idNumber)
            .sorted();
    private static final Shape<PenaltyData> PENALTY = new Shape<PenaltyData>()
            .add("decisionNumber", PenaltyData::decisionNumber)
            .add("violationType", PenaltyData::violationType)
            .add("violationFacts", PenaltyData::violationFacts)
            .add("legalBasis", PenaltyData::legalBasis)
            .add("penaltyTypes", PenaltyData::penaltyTypes)
            .add("content", PenaltyData::content)
            .add("fineAmount", PenaltyData::fineAmount)
            .add("confiscatedAmount", PenaltyData::confiscatedAmount)
            .add("licenseAction", PenaltyData::licenseAction)
            .add("decisionDate", PenaltyData::decisionDate)
            .add("validUntil", PenaltyData::validUntil)
            .add("publicUntil", PenaltyData::publicUntil)
            .add("authority", PenaltyData::authority)
            .add("dataSource", PenaltyData::dataSource)
            .add("remark", PenaltyData::remark)
            .sorted();
    private static final Shape<LicenseData> LICENSE = new Shape<LicenseData>()
            .add("decisionNumber", LicenseData::decisionNumber)
            .add("documentName", LicenseData::documentName)
            .add("category", LicenseData::category)
            .add("licenseName", LicenseData::licenseName)
            .add("licenseNumber", LicenseData::licenseNumber)
            .add("content", LicenseData::content)
            .add("decisionDate", LicenseData::decisionDate)
            .add("validFrom", LicenseData::validFrom)
            .add("validTo", LicenseData::validTo)
            .add("authority", LicenseData::authority)
            .add("dataSource", LicenseData::dataSource)
            .add("status", LicenseData::status)
            .add("remark", LicenseData::remark)
            .sorted();
    private static final Shape<DishonestyData> DISHONESTY = new Shape<DishonestyData>()
            .add("listType", DishonestyData::listType)
            .add("domain", DishonestyData::domain)
            .add("decisionNumber", DishonestyData::decisionNumber)
            .add("reason", DishonestyData::reason)
            .add("basis", DishonestyData::basis)
            .add("authority", DishonestyData::authority)
            .add("listedOn", DishonestyData::listedOn)
            .add("expiresOn", DishonestyData::expiresOn)
            .add("status", DishonestyData::status)
            .add("removedOn", DishonestyData::removedOn)
            .add("removalReason", DishonestyData::removalReason)
            .sorted();
    private static final Shape<ReportData> REPORT = new Shape<ReportData>()
            .add("reportNumber", ReportData::reportNumber)
            .add("agency", ReportData::agency)
            .add("rating", ReportData::rating)
            .add("ratingDate", ReportData::ratingDate)
            .add("validUntil", ReportData::validUntil)
            .add("purpose", ReportData::purpose)
            .add("summary", ReportData::summary)
            .add("documentSha256", ReportData::documentSha256)
            .sorted();
    /** The top level; members as CanonicalRecord.toJson writes them. */
    private static final Shape<CanonicalRecord> RECORD = new Shape<CanonicalRecord>()
            .add("recordId", CanonicalRecord::recordId)
            .add("dataset", r -> r.dataset().code())
            .add("source", r -> r.source().name())
            .add("sourceKey", CanonicalRecord::sourceKey)
            .add("op", r -> r.op().name())
            .add("subject", CanonicalRecord::subject)
            .add("data", CanonicalRecord::data)
            .sorted();

    private CanonicalRecordJcs() {
    }

    /** The canonical UTF-8 bytes of {@code r}, a new array. */
    public static byte[] bytes(CanonicalRecord r) {
        JcsBuffer b = SCRATCH.get();
        b.reset(KEEP_MAX);
        write(r, b);
        return b.toByteArray();
    }

    /**
     * Appends the canonical bytes of {@code r} to {@code out}. On IllegalArgumentException (a lone
     * surrogate in some value) {@code out} is left as it was before the call.
     */
    public static void write(CanonicalRecord r, JcsBuffer out) {
        int start = out.length();
        try {
            RECORD.write(r, out);
        } catch (IllegalArgumentException e) {
            out.truncate(start);
            throw e;
        }
    }

    /** The member names of each object shape in RFC 8785 order (for tests). */
    static List<List<String>> shapes() {
        return List.of(RECORD.names(), SUBJECT.names(), ORG.names(), PENALTY.names(), LICENSE.names(),
                DISHONESTY.names(), REPORT.names());
    }

    private static void value(Object v, JcsBuffer out) {
        if (v instanceof String s) {
            out.string(s);
        } else if (v instanceof Enum<?> e) {
            out.string(e.name()); // Json.mapper() writes enums by name (no @JsonValue on data enums)
        } else if (v instanceof Org o) {
            ORG.write(o, out);
        } else if (v instanceof Subject s) {
            SUBJECT.write(s, out);
        } else if (v instanceof PenaltyData d) {
            PENALTY.write(d, out);
        } else if (v instanceof LicenseData d) {
            LICENSE.write(d, out);
        } else if (v instanceof DishonestyData d) {
            DISHONESTY.write(d, out);
        } else if (v instanceof ReportData d) {
            REPORT.write(d, out);
        } else if (v instanceof List<?> list) {
            out.raw((byte) '[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.raw((byte) ',');
                }
                value(list.get(i), out);
            }
            out.raw((byte) ']');
        } else {
            throw new IllegalStateException("no canonical form for " + v.getClass().getName());
        }
    }

    /** One object shape: its members in RFC 8785 order once {@link #sorted()} has run. */
    private static final class Shape<T> {
        private final List<Member<T>> building = new ArrayList<>();
        private Member<T>[] members;

        Shape<T> add(String name, Function<T, ?> getter) {
            building.add(new Member<>(name, getter));
            return this;
        }

        @SuppressWarnings("unchecked")
        Shape<T> sorted() {
            // String.compareTo compares UTF-16 code units, exactly RFC 8785 §3.2.3
            building.sort(Comparator.comparing(Member::name));
            members = building.toArray(new Member[0]);
            return this;
        }

        List<String> names() {
            List<String> out = new ArrayList<>(members.length);
            for (Member<T> m : members) {
                out.add(m.name);
            }
            return out;
        }

        void write(T t, JcsBuffer out) {
            out.raw((byte) '{');
            boolean first = true;
            for (Member<T> m : members) {
                Object v = m.getter.apply(t);
                if (v == null) {
                    continue;
                }
                if (!first) {
                    out.raw((byte) ',');
                }
                first = false;
                out.raw(m.key);
                value(v, out);
            }
            out.raw((byte) '}');
        }
    }

    /** A member name (ASCII, needs no escaping) and its pre-encoded {@code "name":}. */
    private record Member<T>(String name, Function<T, ?> getter, byte[] key) {
        Member(String name, Function<T, ?> getter) {
            this(name, getter, ("\"" + name + "\":").getBytes(StandardCharsets.UTF_8));
        }
    }
}
