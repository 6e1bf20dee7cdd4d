package cn.ydcx.gateway.samples;

import cn.ydcx.gateway.samples.NativeLayout.Ds;
import cn.ydcx.gateway.samples.NativeLayout.Node;
import cn.ydcx.gateway.samples.NativeWriter.Cdata;
import cn.ydcx.gateway.samples.NativeWriter.Num;
import cn.ydcx.gateway.samples.Province.City;
import cn.ydcx.gateway.validation.ResidentId;
import cn.ydcx.gateway.validation.Uscc;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Generates the sample files {@code samples/<NODE>/<dataset>.<ext>} for every node and dataset
 * except ZJ penalty (which has its own {@code ZjPenaltySampleGenerator}), and, independently of
 * the engine, what normalising them must give: {@code expected/<NODE>/<dataset>.records.jsonl}
 * and {@code .rejects.jsonl}.
 *
 * <p>How: a canonical record is generated per row (per dataset, with the province's places,
 * authorities and wording), rendered in the node's native conventions ({@link NativeLayout}), then
 * a "hard case" perturbs the native value in a way whose canonical result is known from SPEC §2
 * (the canonical value stays the clean one, or is changed by hand together with the native one).
 * Invalid rows are built the same way and carry the reject reasons stated here by hand. The
 * native rows are written by the generator's own {@link NativeWriter}.
 *
 * <p>Deterministic: one fixed seed per combination. {@code main} (run from the repository root)
 * rewrites every file; {@code SampleFilesTest} fails when a committed file differs.
 */
public final class SampleGenerator {
    static final long SEED = 20251127L;
    static final int VALID_ROWS = 64;
    static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 3);
    static final LocalDate LAST_DAY = LocalDate.of(2025, 10, 31);
    static final ObjectMapper JSON = new ObjectMapper();

    // ---------------------------------------------------------------- subjects shared across provinces

    /** A subject as the canonical record has it. */
    record Subj(String name, String category, String uscc, String legalRep, String idType, String idNumber) {
        boolean person() {
            return category.equals("NATURAL_PERSON");
        }
    }

    static final Subj ZJ_HERUN = new Subj("嘉兴禾润新材料科技有限公司", "LEGAL_ENTITY", "913304007429141869", "沈国平",
            null, null);
    static final Subj SH_HONGYUAN = new Subj("上海浦江宏远建设工程有限公司", "LEGAL_ENTITY", uscc("91310115MA1H7QXK3"),
            "顾建明", null, null);
    static final Subj JS_HENGDA = new Subj("苏州恒达精密机械有限公司", "LEGAL_ENTITY", uscc("91320594MA1MXR2T4"), "钱志刚",
            null, null);
    static final Subj AH_HUIYUAN = new Subj("合肥徽远食品有限公司", "LEGAL_ENTITY", uscc("91340100MA2NXY5R8"), "汪德胜",
            null, null);
    static final Subj PERSON_TAO = new Subj("陶光辉", "NATURAL_PERSON", null, null, "ID_CARD",
            idCard("34010419830315281"));
    static final List<Subj> SHARED = List.of(ZJ_HERUN, SH_HONGYUAN, JS_HENGDA, AH_HUIYUAN, PERSON_TAO);

    /** Characters outside GBK (CJK Extension B and A): only GB18030 can carry them. */
    static final String AH_NAME_EXT_B = "合肥𠮷祥食品有限公司";
    static final String AH_NAME_EXT_A = "芜湖㐂福家居用品有限公司";

    // ---------------------------------------------------------------- vocabularies

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
        "朱", "胡", "郭", "何", "林", "罗", "郑", "沈", "钱", "蒋", "叶", "潘", "汪", "陆", "顾", "童", "储"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
        "娟", "涛", "明", "超", "秀英", "华", "建国", "志强", "海燕", "晓东", "丽华", "国平", "建华", "雪梅", "永康", "德胜"};
    private static final String[] TRADE = {"恒远", "华信", "金泰", "瑞丰", "宏达", "鑫源", "新力", "永盛", "天诚", "博雅", "中拓",
        "嘉禾", "锦程", "盛世", "卓越", "海纳", "正泰", "东方", "汇通", "万象", "润泽", "联创", "安信", "康达", "启明", "同辉"};
    private static final String[] INDUSTRY = {"科技有限公司", "贸易有限公司", "餐饮管理有限公司", "建材有限公司", "化工有限公司",
        "食品有限公司", "物流有限公司", "电子商务有限公司", "纺织有限公司", "机械制造有限公司", "医药连锁有限公司",
        "房地产开发有限公司", "环保科技股份有限公司", "汽车销售服务有限公司", "建设工程有限公司", "旅行社有限公司"};
    private static final String[] SHOPS = {"小吃店", "便利店", "水果店", "副食品商行", "烟酒商行", "面馆", "早餐店", "熟食店",
        "奶茶店", "超市"};

    /** violation type, facts, legal basis, authority kind */
    private static final String[][] VIOLATIONS = {
        {"虚假宣传", "当事人在其网络店铺中对所售商品作引人误解的虚假宣传，宣称产品具有“抗癌”功效，无任何依据。",
            "《中华人民共和国反不正当竞争法》第二十条第一款", "0"},
        {"销售不合格产品", "当事人销售经抽检不合格的电线电缆，导体电阻项目不符合国家标准要求。", "《中华人民共和国产品质量法》第四十九条", "0"},
        {"未按规定明码标价", "当事人经营场所内销售的商品未按规定标示价格，检查时有12种商品未标价。", "《明码标价和禁止价格欺诈规定》第二十一条", "0"},
        {"经营超过保质期的食品", "当事人经营超过保质期的预包装食品，货值金额较小。",
            "《中华人民共和国食品安全法》第一百二十四条第一款第（五）项", "0"},
        {"发布违法广告", "当事人利用自设网站发布含有“国家级”“最佳”等用语的广告。", "《中华人民共和国广告法》第五十七条第（一）项", "0"},
        {"超标排放大气污染物", "经监测，当事人废气排放口颗粒物浓度超过排放标准1.8倍。", "《中华人民共和国大气污染防治法》第九十九条第（二）项", "1"},
        {"未批先建", "当事人扩建项目环境影响报告表未经审批，擅自开工建设。", "《中华人民共和国环境影响评价法》第三十一条第一款", "1"},
        {"未按规定贮存危险废物", "当事人将废矿物油等危险废物露天堆放，未设置识别标志。",
            "《中华人民共和国固体废物污染环境防治法》第一百一十二条第一款第（六）项", "1"},
        {"未按规定开展安全生产教育和培训", "当事人未对新进从业人员进行安全生产教育和培训，即安排上岗作业。",
            "《中华人民共和国安全生产法》第九十七条第（三）项", "2"},
        {"未对安全设备进行经常性维护", "当事人车间内消防喷淋系统、可燃气体报警装置未进行经常性维护保养。",
            "《中华人民共和国安全生产法》第九十九条第（三）项", "2"},
        {"擅自占用城市道路", "当事人未经许可擅自占用城市道路堆放建筑材料，影响通行。", "《城市道路管理条例》第四十二条第（三）项", "3"},
        {"违反生活垃圾管理规定", "当事人未将生活垃圾分类投放至指定的收集容器，经责令改正拒不改正。", null, "3"},
    };
    private static final String[] FACT_TAILS = {"", "经查，情节较轻。", "当事人积极配合调查，如实陈述违法事实。",
        "上述事实有现场检查笔录、询问笔录、抽样检验报告等证据证实。"};

    /** document name, license name (or null), category, number kind, content, validity years (0 = 长期), kind */
    private static final String[][] LICENSES = {
        {"食品经营许可决定书", "食品经营许可证", "GENERAL", "JY", "预包装食品（含冷藏冷冻食品）销售，散装食品销售，热食类食品制售", "5", "0"},
        {"排污许可决定书", "排污许可证", "GENERAL", "PW", "大气污染物、水污染物排放，重点管理", "5", "1"},
        {"危险化学品经营许可决定书", "危险化学品经营许可证", "GENERAL", "WH", "批发（无仓储）：甲醇、乙醇、丙酮、甲苯", "3", "2"},
        {"建筑业企业资质许可决定书", "建筑业企业资质证书", "RECOGNITION", "JZ", "建筑工程施工总承包二级，市政公用工程施工总承包三级", "5", "0"},
        {"药品经营许可决定书", "药品经营许可证", "APPROVAL", "YP", "中成药、化学药制剂、抗生素制剂、生化药品的零售", "5", "0"},
        {"出租汽车经营许可决定书", "道路运输经营许可证", "FRANCHISE", "YS", "巡游出租汽车客运经营，车辆20辆", "4", "4"},
        {"企业设立登记通知书", "营业执照", "REGISTRATION", "YY", "准予设立登记，经营范围以营业执照记载为准", "0", "0"},
        {"户外广告设施设置许可决定书", null, "OTHER", null, "准予在规定位置设置户外广告设施一处，面积12平方米", "2", "3"},
    };

    /** domain, list type, reason, basis, authority kind */
    private static final String[][] LISTINGS = {
        {"SAFETY", "SERIOUS_DISHONESTY", "发生一般生产安全事故，造成1人死亡，对事故发生负有责任", "《安全生产严重失信主体名单管理办法》第六条第（一）项", "2"},
        {"PRODUCT_QUALITY", "SERIOUS_DISHONESTY", "生产销售不合格产品，货值金额较大，被处以较重行政处罚",
            "《市场监督管理严重违法失信名单管理办法》第十条", "0"},
        {"FOOD_DRUG", "SERIOUS_DISHONESTY", "在食品中添加非食用物质，情节严重", "《市场监督管理严重违法失信名单管理办法》第九条", "0"},
        {"ENVIRONMENT", "SERIOUS_DISHONESTY", "通过暗管逃避监管的方式排放水污染物，被处以按日连续处罚",
            "《企业环境信用评价办法（试行）》第十四条", "1"},
        {"TAX", "SERIOUS_DISHONESTY", "虚开增值税专用发票，涉案税额较大", "《重大税收违法失信主体信息公布管理办法》第六条第（六）项", "5"},
        {"COURT", "SERIOUS_DISHONESTY", "有履行能力而拒不履行生效法律文书确定的义务",
            "《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条第（一）项", "6"},
        {"PROCUREMENT", "SERIOUS_DISHONESTY", "在政府采购活动中提供虚假材料谋取中标", "《中华人民共和国政府采购法》第七十七条第一款第（一）项", "7"},
        {"TOURISM", "SERIOUS_DISHONESTY", "未经旅游者同意将旅游者转交给其他旅行社，造成恶劣社会影响", "《旅游市场黑名单管理办法》第四条", "8"},
        {"TAX", "RED", "纳税信用评价连续三年为A级", "《纳税信用管理办法（试行）》第二十九条", "5"},
        {"OTHER", "RED", "获评守合同重信用企业，合同履约状况良好", "《守合同重信用企业公示管理办法》第七条", "0"},
    };

    private static final String[] RATINGS = {"AAA", "AA", "AA", "A", "A", "A", "BBB", "BBB", "BB", "B", "CCC", "CC", "C"};
    private static final String[] PURPOSES = {"BIDDING", "BIDDING", "FINANCING", "AWARD", "OTHER"};

    // ---------------------------------------------------------------- state of one combination

    private final Node node;
    private final Ds ds;
    private final Province prov;
    private final Random rnd;
    private final List<Subj> companies = new ArrayList<>();
    private final Map<String, Integer> counters = new LinkedHashMap<>();
    private final List<SampleRow> rows = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private final List<String> validKeys = new ArrayList<>();
    private final List<String> shared = new ArrayList<>();
    private int hardCursor;
    /** the valid row being built is a shared subject's: hard cases must not replace the subject */
    private boolean currentShared;

    private SampleGenerator(Node node, Ds ds) {
        this.node = node;
        this.ds = ds;
        this.prov = Province.of(node);
        this.rnd = new Random(SEED + 97L * node.ordinal() + ds.ordinal());
    }

    /** One generated sample: the rows in file order. */
    record Sample(Node node, Ds ds, List<SampleRow> rows, List<String> shared) {
        String text() {
            return NativeWriter.text(node, ds, rows);
        }

        byte[] bytes() {
            return NativeWriter.bytes(node, text());
        }

        Path samplePath() {
            return Path.of("samples", node.name(), ds.code + "." + NativeWriter.extension(node));
        }

        String recordsJsonl() {
            StringBuilder b = new StringBuilder();
            for (SampleRow r : rows) {
                if (r.expected != null) {
                    b.append(r.expected.toString()).append('\n');
                }
            }
            return b.toString();
        }

        String rejectsJsonl() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < rows.size(); i++) {
                SampleRow r = rows.get(i);
                if (r.expected == null) {
                    ObjectNode j = JSON.createObjectNode();
                    j.put("row", i + 1);
                    if (r.rejectKey != null) {
                        j.put("sourceKey", r.rejectKey);
                    }
                    ArrayNode a = j.putArray("reasons");
                    r.reasons.forEach(a::add);
                    b.append(j.toString()).append('\n');
                }
            }
            return b.toString();
        }

        long accepted() {
            return rows.stream().filter(r -> r.expected != null).count();
        }
    }

    /** Every combination this generator owns (all but ZJ penalty), node-major. */
    static List<Sample> all() {
        List<Sample> out = new ArrayList<>();
        for (Node n : Node.values()) {
            for (Ds d : Ds.values()) {
                if (!(n == Node.ZJ && d == Ds.PENALTY)) {
                    out.add(generate(n, d));
                }
            }
        }
        return out;
    }

    static Sample generate(Node node, Ds ds) {
        return new SampleGenerator(node, ds).run();
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        List<Sample> samples = all();
        for (Sample s : samples) {
            write(root, s);
        }
        Files.writeString(root.resolve("samples/README.md"), SamplesReadme.text(samples), StandardCharsets.UTF_8);
    }

    static void write(Path root, Sample s) throws IOException {
        Path sample = root.resolve(s.samplePath());
        Path expected = root.resolve("gateway/src/test/resources/expected").resolve(s.node().name());
        Files.createDirectories(sample.getParent());
        Files.createDirectories(expected);
        Files.write(sample, s.bytes());
        Files.writeString(expected.resolve(s.ds().code + ".records.jsonl"), s.recordsJsonl(), StandardCharsets.UTF_8);
        Files.writeString(expected.resolve(s.ds().code + ".rejects.jsonl"), s.rejectsJsonl(), StandardCharsets.UTF_8);
    }

    private Sample run() {
        for (int i = 0; i < 30; i++) {
            City c = prov.cities().get(i % prov.cities().size());
            companies.add(company(c, i % 6 == 4 ? "集团" : i % 6 == 1 ? c.place() : null));
        }
        if (node == Node.AH) { // names only GB18030 can carry
            companies.set(5, new Subj(AH_NAME_EXT_B, "LEGAL_ENTITY", uscc("91340100MA2P" + digits(5)), personName(),
                    null, null));
            companies.set(11, new Subj(AH_NAME_EXT_A, "LEGAL_ENTITY", uscc("91340200MA2R" + digits(5)), personName(),
                    null, null));
        }
        Map<Integer, Subj> fixed = fixedSubjects();
        List<Runnable> invalids = invalidCases();
        int inv = 0;
        for (int i = 0; i < VALID_ROWS; i++) {
            if (i >= 3 && i % 3 == 2 && inv < invalids.size()) {
                invalids.get(inv++).run();
            }
            Subj s = fixed.get(i);
            validRow(i, s != null ? s : pickSubject(i), s != null);
        }
        while (inv < invalids.size()) {
            invalids.get(inv++).run();
        }
        return new Sample(node, ds, rows, shared);
    }

    // ---------------------------------------------------------------- cross-province subjects

    /**
     * Which shared subject sits at which valid row. Dishonesty entries of shared subjects get a
     * fixed list type, domain and status (see {@link #sharedListing}).
     */
    private Map<Integer, Subj> fixedSubjects() {
        Map<Integer, Subj> m = new LinkedHashMap<>();
        List<Subj> list = switch (ds) {
            case LICENSE -> switch (node) {
                case SH -> List.of(SH_HONGYUAN, ZJ_HERUN, SH_HONGYUAN);
                case JS -> List.of(ZJ_HERUN, JS_HENGDA);
                case ZJ -> List.of(ZJ_HERUN, ZJ_HERUN);
                case AH -> List.of(AH_HUIYUAN, SH_HONGYUAN);
            };
            case PENALTY -> switch (node) {
                case SH -> List.of(SH_HONGYUAN, SH_HONGYUAN);
                case JS -> List.of(JS_HENGDA);
                case ZJ -> List.of();
                case AH -> List.of(SH_HONGYUAN, AH_HUIYUAN);
            };
            case DISHONESTY -> switch (node) {
                case SH -> List.of(SH_HONGYUAN, PERSON_TAO);
                case JS -> List.of(SH_HONGYUAN, JS_HENGDA, ZJ_HERUN);
                case ZJ -> List.of(JS_HENGDA, AH_HUIYUAN, ZJ_HERUN);
                case AH -> List.of(JS_HENGDA, AH_HUIYUAN, PERSON_TAO);
            };
            case REPORT -> switch (node) {
                case SH -> List.of(SH_HONGYUAN, ZJ_HERUN);
                case JS -> List.of(ZJ_HERUN, JS_HENGDA);
                case ZJ -> List.of(ZJ_HERUN);
                case AH -> List.of(AH_HUIYUAN, JS_HENGDA);
            };
        };
        for (int i = 0; i < list.size(); i++) {
            m.put(3 + i * 13, list.get(i));
        }
        return m;
    }

    /** domain, list type, status, removal reason of a shared subject's listing in this province. */
    private String[] sharedListing(Subj s) {
        if (s == SH_HONGYUAN) {
            return node == Node.SH ? new String[] {"SAFETY", "SERIOUS_DISHONESTY", "ACTIVE", null}
                    : new String[] {"SAFETY", "SERIOUS_DISHONESTY", "REMOVED", "REPAIRED"};
        }
        if (s == JS_HENGDA) {
            return node == Node.ZJ ? new String[] {"PRODUCT_QUALITY", "SERIOUS_DISHONESTY", "REMOVED", "EXPIRED"}
                    : new String[] {"PRODUCT_QUALITY", "SERIOUS_DISHONESTY", "ACTIVE", null};
        }
        if (s == AH_HUIYUAN) {
            return node == Node.AH ? new String[] {"FOOD_DRUG", "SERIOUS_DISHONESTY", "REMOVED", "CORRECTED"}
                    : new String[] {"FOOD_DRUG", "SERIOUS_DISHONESTY", "ACTIVE", null};
        }
        if (s == PERSON_TAO) {
            return new String[] {"COURT", "SERIOUS_DISHONESTY", "ACTIVE", null};
        }
        return new String[] {"TAX", "RED", "ACTIVE", null}; // 嘉兴禾润: 纳税信用A级 red list
    }

    // ---------------------------------------------------------------- valid rows

    private void validRow(int i, Subj s, boolean isShared) {
        Rec rec = build(s, isShared);
        SampleRow r = render(rec);
        currentShared = isShared;
        if (isShared) {
            shared.add(s.name() + " " + (s.uscc() != null ? s.uscc() : s.idNumber()) + " → " + rec.key()
                    + (ds == Ds.DISHONESTY ? " " + rec.get("data.listType") + "/" + rec.get("data.domain") + "/"
                    + rec.get("data.status") : ""));
        }
        if (i % 2 == 1 || i % 10 == 4) {
            applyHardCase(rec, r);
            if (i % 10 == 9) {
                applyHardCase(rec, r);
            }
        }
        String key = rec.key();
        if (!keys.add(key)) {
            throw new IllegalStateException(node + "/" + ds + ": generated a duplicate key for a valid row: " + key);
        }
        validKeys.add(key);
        r.expected = expected(rec);
        rows.add(r);
    }

    private Subj pickSubject(int i) {
        int kind = i % 10;
        City c = city();
        if (ds == Ds.REPORT) {
            return kind == 6 ? individualBusiness(c, true) : company();
        }
        if (ds == Ds.DISHONESTY) {
            return kind == 2 || kind == 7 ? naturalPerson(c) : kind == 5 ? individualBusiness(c, true) : company();
        }
        if (kind == 2 || kind == 6) {
            return individualBusiness(c, i % 4 == 0);
        }
        if (kind == 8) {
            return naturalPerson(c);
        }
        return company();
    }

    /** A canonical record: path → String / LocalDate / BigDecimal / List of codes; absent = no entry. */
    static final class Rec extends LinkedHashMap<String, Object> {
        final Ds ds;

        Rec(Ds ds) {
            this.ds = ds;
        }

        String key() {
            return switch (ds) {
                case REPORT -> (String) get("data.reportNumber");
                case LICENSE -> (String) (containsKey("data.decisionNumber") ? get("data.decisionNumber")
                        : get("data.licenseNumber"));
                default -> (String) get("data.decisionNumber");
            };
        }

        String keyPath() {
            return switch (ds) {
                case REPORT -> "data.reportNumber";
                case LICENSE -> containsKey("data.decisionNumber") ? "data.decisionNumber" : "data.licenseNumber";
                default -> "data.decisionNumber";
            };
        }

        void putIf(String path, Object v) {
            if (v != null) {
                put(path, v);
            } else {
                remove(path);
            }
        }

        @SuppressWarnings("unchecked")
        List<String> types() {
            return (List<String>) get("data.penaltyTypes");
        }
    }

    private Rec build(Subj s, boolean isShared) {
        Rec r = new Rec(ds);
        r.putIf("subject.name", s.name());
        r.putIf("subject.category", s.category());
        r.putIf("subject.uscc", s.uscc());
        r.putIf("subject.legalRepresentative", s.legalRep());
        r.putIf("subject.idType", s.idType());
        r.putIf("subject.idNumber", s.idNumber());
        switch (ds) {
            case PENALTY -> penalty(r, s);
            case LICENSE -> license(r, s);
            case DISHONESTY -> dishonesty(r, s, isShared ? sharedListing(s) : null);
            case REPORT -> report(r, s);
        }
        // keep only what the node's format can carry (AH penalty has no validUntil ...; reports no ID)
        r.keySet().removeIf(p -> !NativeLayout.paths(ds).contains(p) || NativeLayout.column(node, ds, p) == null);
        return r;
    }

    private void penalty(Rec r, Subj s) {
        String[] v;
        do {
            v = VIOLATIONS[rnd.nextInt(VIOLATIONS.length)];
        } while (s.person() && v[3].equals("1"));
        int kind = Integer.parseInt(v[3]);
        City c = cityOf(s);
        LocalDate date = day();
        r.put("data.decisionNumber", number(c.abbr() + Province.KINDS[kind][1] + "罚", date.getYear()));
        r.put("data.violationType", v[0]);
        r.put("data.violationFacts", v[1] + FACT_TAILS[rnd.nextInt(FACT_TAILS.length)]);
        r.put("data.legalBasis", v[2] != null ? v[2] : prov.garbageLaw());
        List<String> types = new ArrayList<>();
        int t = rnd.nextInt(10);
        if (t < 4) {
            types.add("FINE");
        } else if (t < 6) {
            types.addAll(List.of("WARNING", "FINE"));
        } else if (t == 6) {
            types.addAll(List.of("FINE", "CONFISCATION"));
        } else if (t == 7) {
            types.add("WARNING");
        } else if (t == 8 && !s.person()) {
            types.addAll(List.of("SUSPENSION", "FINE"));
        } else {
            types.add("CRITICISM");
        }
        r.put("data.penaltyTypes", types);
        if (types.contains("FINE")) {
            BigDecimal fine = BigDecimal.valueOf(500L * (1 + rnd.nextInt(s.category().equals("LEGAL_ENTITY") ? 400 : 40)));
            if (rnd.nextInt(5) == 0) {
                fine = fine.add(BigDecimal.valueOf(rnd.nextInt(10_000), 2)); // fen: 万元 then needs 6 decimals
            }
            r.put("data.fineAmount", fine.setScale(2, RoundingMode.UNNECESSARY));
        }
        if (types.contains("CONFISCATION")) {
            r.put("data.confiscatedAmount", BigDecimal.valueOf(100 + rnd.nextInt(2_000_000), 2));
        }
        r.put("data.content", content(r));
        r.put("data.decisionDate", date);
        if (types.contains("SUSPENSION")) {
            r.put("data.validUntil", date.plusMonths(3));
        }
        if (!(types.equals(List.of("WARNING")) || types.equals(List.of("CRITICISM")))) {
            r.put("data.publicUntil", date.plusYears(types.contains("SUSPENSION") ? 3 : 1));
        }
        r.put("data.authority.name", prov.authorityName(c, kind));
        r.put("data.authority.uscc", Province.authorityUscc(c, kind));
        sourceOrg(r, c, kind);
        if (rnd.nextInt(6) == 0) {
            r.put("data.remark", "当事人已履行处罚决定");
        }
    }

    private static String content(Rec r) {
        List<String> parts = new ArrayList<>();
        for (String t : r.types()) {
            parts.add(switch (t) {
                case "FINE" -> "罚款人民币" + ((BigDecimal) r.get("data.fineAmount")).stripTrailingZeros().toPlainString() + "元";
                case "WARNING" -> "警告";
                case "CONFISCATION" -> "没收违法所得" + ((BigDecimal) r.get("data.confiscatedAmount")).toPlainString() + "元";
                case "SUSPENSION" -> "责令停产停业三个月";
                case "CRITICISM" -> "通报批评";
                case "LICENSE_ACTION" -> "吊销许可证";
                default -> "责令限期改正";
            });
        }
        return String.join("；", parts);
    }

    private void sourceOrg(Rec r, City c, int kind) {
        if (rnd.nextInt(4) == 0) {
            r.put("data.dataSource.name", prov.creditCentre());
            r.put("data.dataSource.uscc", prov.creditCentreUscc());
        } else {
            r.put("data.dataSource.name", prov.authorityName(c, kind));
            r.put("data.dataSource.uscc", Province.authorityUscc(c, kind));
        }
    }

    private void license(Rec r, Subj s) {
        String[] l;
        if (s.person()) {
            l = new String[] {"出租汽车驾驶员从业资格注册决定书", "出租汽车驾驶员客运资格证", "RECOGNITION", "CZ",
                "巡游出租汽车驾驶员从业资格注册", "3", "4"};
        } else {
            do {
                l = LICENSES[rnd.nextInt(LICENSES.length)];
            } while ((s.category().equals("INDIVIDUAL_BUSINESS") && !(l[3] != null && l[3].equals("JY")))
                    || (s.uscc() == null && l[3] != null && (l[3].equals("PW") || l[3].equals("YY"))));
        }
        int kind = Integer.parseInt(l[6]);
        City c = cityOf(s);
        LocalDate date = day();
        // 1 in 6 licences carry only a licence number (then the sourceKey); registrations always have a decision
        boolean withDecision = l[3] == null || l[3].equals("YY") || rnd.nextInt(6) != 0;
        if (withDecision) {
            r.put("data.decisionNumber", number(c.abbr() + Province.KINDS[kind][1] + "许", date.getYear()));
        }
        r.put("data.documentName", l[0]);
        r.put("data.category", l[2]);
        r.putIf("data.licenseName", l[1]);
        r.putIf("data.licenseNumber", l[3] == null ? null : licenseNumber(l[3], c, s, date));
        r.put("data.content", l[4]);
        r.put("data.decisionDate", date);
        r.put("data.validFrom", date);
        int years = Integer.parseInt(l[5]);
        r.put("data.validTo", years == 0 ? LocalDate.of(9999, 12, 31) : date.plusYears(years).minusDays(1));
        r.put("data.authority.name", prov.authorityName(c, kind));
        r.put("data.authority.uscc", Province.authorityUscc(c, kind));
        sourceOrg(r, c, kind);
        r.put("data.status", rnd.nextInt(8) == 0 ? "INVALID" : "VALID");
        if (rnd.nextInt(7) == 0) {
            r.put("data.remark", r.get("data.status").equals("INVALID") ? "申请人主动申请注销" : "延续许可");
        }
    }

    private String licenseNumber(String kind, City c, Subj s, LocalDate date) {
        return switch (kind) {
            case "JY" -> "JY" + (s.category().equals("INDIVIDUAL_BUSINESS") ? "2" : "3") + c.code() + digits(7);
            case "PW" -> s.uscc() + String.format("%03d", counter("PW" + s.uscc()) % 1000) + "V";
            case "WH" -> prov.abbr() + c.abbr().substring(c.abbr().length() - 1) + "危化经字〔" + date.getYear() + "〕"
                    + digits(6);
            case "JZ" -> "D2" + c.code().substring(0, 2) + digits(6);
            case "YP" -> prov.abbr() + "AA" + c.code().substring(2, 4) + digits(5);
            case "YS" -> prov.abbr() + "交运管许可" + c.abbr().substring(c.abbr().length() - 1) + "字" + c.code() + digits(6)
                    + "号";
            case "CZ" -> "CZ" + c.code() + digits(8);
            default -> s.uscc(); // 营业执照: the code itself
        };
    }

    private void dishonesty(Rec r, Subj s, String[] fixedListing) {
        String[] l;
        if (fixedListing != null) {
            l = null;
            for (String[] x : LISTINGS) {
                if (x[0].equals(fixedListing[0]) && x[1].equals(fixedListing[1])) {
                    l = x;
                }
            }
        } else if (s.person()) {
            l = LISTINGS[5]; // 失信被执行人
        } else {
            do {
                l = LISTINGS[rnd.nextInt(LISTINGS.length)];
            } while (s.category().equals("INDIVIDUAL_BUSINESS") && !(l[0].equals("FOOD_DRUG") || l[0].equals("COURT")));
        }
        int kind = Integer.parseInt(l[4]);
        City c = cityOf(s);
        LocalDate listed = day();
        r.put("data.listType", l[1]);
        r.put("data.domain", l[0]);
        if (kind == Province.COURT) {
            // court case numbers: (2024)沪0115执1234号; natively often with full-width parentheses
            String court = node == Node.SH ? c.code().substring(2) : c.code().substring(2, 4);
            r.put("data.decisionNumber", "(" + listed.getYear() + ")" + prov.abbr() + court + "执"
                    + counter("court" + c.code() + listed.getYear()) + "号");
        } else {
            r.put("data.decisionNumber", number(c.abbr() + Province.KINDS[kind][1] + (l[1].equals("RED") ? "红" : "失信")
                    + "认", listed.getYear()));
        }
        r.put("data.reason", l[2] + "，" + (fixedListing != null ? "经" + prov.name() + "相关部门认定" : "依法认定") + "。");
        r.put("data.basis", l[3]);
        r.put("data.authority.name", prov.authorityName(c, kind));
        r.put("data.authority.uscc", Province.authorityUscc(c, kind));
        r.put("data.listedOn", listed);
        if (kind != Province.COURT) {
            r.put("data.expiresOn", listed.plusYears(l[1].equals("RED") ? 2 : 3));
        }
        String status = fixedListing != null ? fixedListing[2] : rnd.nextInt(5) == 0 ? "REMOVED" : "ACTIVE";
        r.put("data.status", status);
        if (status.equals("REMOVED")) {
            String reason = fixedListing != null ? fixedListing[3] : l[1].equals("RED")
                    ? new String[] {"EXPIRED", "OTHER"}[rnd.nextInt(2)]
                    : new String[] {"REPAIRED", "REPAIRED", "CORRECTED", "EXPIRED", "OTHER"}[rnd.nextInt(5)];
            LocalDate removed = listed.plusDays(60 + rnd.nextInt(300));
            if (reason.equals("EXPIRED")) {
                int years = l[1].equals("RED") ? 2 : 3;
                listed = listed.minusYears(years);
                r.put("data.listedOn", listed);
                r.put("data.expiresOn", listed.plusYears(years));
                removed = listed.plusYears(years);
            }
            r.put("data.removedOn", removed.isAfter(LAST_DAY) ? LAST_DAY : removed);
            r.put("data.removalReason", reason);
        }
    }

    private void report(Rec r, Subj s) {
        String[] agency = prov.agencies().get(rnd.nextInt(prov.agencies().size()));
        LocalDate date = day();
        String prefix = agency[1];
        String number = node == Node.AH ? "皖" + prefix + "评字(" + date.getYear() + ")第" + counter(prefix + date.getYear())
                + "号" : prefix + "-" + date.getYear() + "-" + String.format("%05d", counter(prefix + date.getYear()) * 7);
        r.put("data.reportNumber", number);
        r.put("data.agency.name", agency[0]);
        r.put("data.agency.uscc", prov.agencyUscc(agency[0]));
        String rating = RATINGS[rnd.nextInt(RATINGS.length)];
        r.put("data.rating", rating);
        r.put("data.ratingDate", date);
        r.put("data.validUntil", date.plusYears(1).minusDays(1));
        if (rnd.nextInt(6) > 0) {
            r.put("data.purpose", PURPOSES[rnd.nextInt(PURPOSES.length)]);
        }
        if (rnd.nextInt(8) > 0) {
            r.put("data.summary", summary(rating));
        }
        if (rnd.nextInt(5) > 0) {
            r.put("data.documentSha256", sha256Hex(number + "|" + s.name()));
        }
    }

    private static String summary(String rating) {
        return switch (rating.charAt(0)) {
            case 'A' -> rating.length() == 3 ? "经评估，该主体经营状况良好，偿债能力很强，违约风险极低。"
                    : "经评估，该主体经营稳健，偿债能力较强，违约风险较低。";
            case 'B' -> "经评估，该主体经营基本正常，偿债能力一般，受外部环境影响较大。";
            default -> "经评估，该主体存在较多不良信用记录，偿债能力较弱，违约风险较高。";
        };
    }

    // ---------------------------------------------------------------- native rendering

    /** The native row for a canonical record, written the node's ordinary way. */
    private SampleRow render(Rec rec) {
        SampleRow r = new SampleRow();
        for (String path : NativeLayout.paths(ds)) {
            if (NativeLayout.column(node, ds, path) != null) {
                renderField(rec, r, path);
            }
        }
        return r;
    }

    private void renderField(Rec rec, SampleRow r, String path) {
        Object v = rec.get(path);
        String col = NativeLayout.column(node, ds, path);
        if (path.equals("data.penaltyTypes")) {
            renderTypes(r, v == null ? List.of() : rec.types());
            return;
        }
        Object nat;
        if (v == null) {
            nat = null;
        } else if (v instanceof LocalDate d) {
            nat = d.getYear() == 9999 && node != Node.SH ? "长期" : NativeLayout.date(node, d);
        } else if (v instanceof BigDecimal a) {
            String text = NativeLayout.amount(node, a);
            nat = node == Node.SH ? new Num(text) : text;
        } else if (NativeLayout.codeList(ds, path) != null) {
            nat = NativeLayout.label(node, NativeLayout.codeList(ds, path), (String) v);
        } else {
            nat = v;
        }
        r.nat.put(col, nat);
    }

    private void renderTypes(SampleRow r, List<String> types) {
        switch (node) {
            case SH -> r.nat.put("penaltyTypes", types.isEmpty() ? null : List.copyOf(types));
            case AH -> {
                if (types.size() > 2) {
                    throw new IllegalStateException("AH has two penalty type columns: " + types);
                }
                r.nat.put(NativeLayout.AH_TYPES_1, types.isEmpty() ? "" : typeLabel(types.get(0)));
                r.nat.put(NativeLayout.AH_TYPES_2, types.size() < 2 ? "" : typeLabel(types.get(1)));
            }
            default -> r.nat.put(NativeLayout.column(node, ds, "data.penaltyTypes"),
                    String.join("；", types.stream().map(SampleGenerator::typeLabel).toList()));
        }
    }

    private static String typeLabel(String code) {
        return NativeLayout.label(Node.ZJ, "penaltyType", code);
    }

    private String col(String path) {
        return NativeLayout.column(node, ds, path);
    }

    private String nat(SampleRow r, String path) {
        return (String) r.nat.get(col(path));
    }

    /** Sets a canonical value and re-renders its native value. */
    private void set(Rec rec, SampleRow r, String path, Object v) {
        rec.putIf(path, v);
        renderField(rec, r, path);
    }

    // ---------------------------------------------------------------- hard cases

    /** A perturbation of a valid row with a known canonical result. */
    private record Hard(String name, Predicate<Rec> applies, HardFn fn) {
    }

    private interface HardFn {
        void apply(Rec rec, SampleRow r);
    }

    private List<Hard> hardCases() {
        List<Hard> h = new ArrayList<>();
        boolean tabular = node == Node.ZJ || node == Node.AH;
        h.add(new Hard("zero-width space U+200B inside subject.name (removed)", rec -> true,
                (rec, r) -> r.nat.put(col("subject.name"), insert(nat(r, "subject.name"), 2, "\u200B"))));
        h.add(new Hard("full-width subject.uscc (→ ASCII)", rec -> rec.containsKey("subject.uscc"),
                (rec, r) -> r.nat.put(col("subject.uscc"), fullWidth((String) rec.get("subject.uscc")))));
        if (ds == Ds.PENALTY) {
            h.add(new Hard("duplicated penalty type (kept once, first position)", rec -> true, this::duplicateType));
        }
        h.add(new Hard("U+3000 ideographic spaces around subject.name (trimmed)", rec -> true,
                (rec, r) -> r.nat.put(col("subject.name"), "\u3000" + nat(r, "subject.name") + "\u3000\u3000")));
        h.add(new Hard("ASCII parentheses in subject.name (→ full-width)", rec -> ((String) rec.get("subject.name")).contains("（"),
                (rec, r) -> r.nat.put(col("subject.name"), ascii(nat(r, "subject.name")))));
        h.add(new Hard("full-width ASCII in the sourceKey (→ ASCII)", rec -> true,
                (rec, r) -> r.nat.put(col(rec.keyPath()), fullWidth(rec.key()))));
        if (ds == Ds.LICENSE) {
            h.add(new Hard("长期 in validTo (→ 9999-12-31)", rec -> true, (rec, r) -> {
                rec.put("data.validTo", LocalDate.of(9999, 12, 31));
                r.nat.put(col("data.validTo"), "长期");
            }));
        }
        h.add(new Hard("full-width parentheses in the sourceKey (→ ASCII)", rec -> rec.key().contains("("),
                (rec, r) -> r.nat.put(col(rec.keyPath()), rec.key().replace('(', '（').replace(')', '）'))));
        if (ds == Ds.PENALTY) {
            if (node != Node.AH) {
                h.add(new Hard("several penalty types in one field, ';' and '；' mixed", rec -> true, this::severalTypes));
            }
            if (node != Node.SH) {
                h.add(new Hard("penalty type 其他-… (→ OTHER)", rec -> true, (rec, r) -> {
                    setTypes(rec, r, List.of("FINE", "OTHER"));
                    if (node == Node.AH) {
                        r.nat.put(NativeLayout.AH_TYPES_2, "其他-责令限期改正");
                    } else {
                        r.nat.put(col("data.penaltyTypes"), "罚款；其他-责令限期改正");
                    }
                }));
            }
            amountHardCases(h);
        }
        h.add(new Hard("lower-case subject.uscc with spaces inside (→ upper-case, no spaces)",
                rec -> rec.containsKey("subject.uscc") && ((String) rec.get("subject.uscc")).matches(".*[A-Z].*"),
                (rec, r) -> {
                    String u = ((String) rec.get("subject.uscc")).toLowerCase();
                    r.nat.put(col("subject.uscc"), u.substring(0, 6) + " " + u.substring(6, 12) + "\u3000" + u.substring(12));
                }));
        h.add(new Hard("U+FEFF and U+200D inside the sourceKey, spaces around it (removed)", rec -> true,
                (rec, r) -> r.nat.put(col(rec.keyPath()), " \uFEFF" + insert(rec.key(), 3, "\u200D") + "\u3000")));
        String text = switch (ds) {
            case PENALTY -> "data.violationFacts";
            case LICENSE -> "data.content";
            case DISHONESTY -> "data.reason";
            case REPORT -> "data.summary";
        };
        h.add(new Hard("tab, no-break space and a run of spaces in " + text + " (→ one space)",
                rec -> rec.containsKey(text) && ((String) rec.get(text)).contains("，"), (rec, r) -> {
                    String t = (String) rec.get(text);
                    rec.put(text, t.replaceFirst("，", "， "));
                    r.nat.put(col(text), t.replaceFirst("，", "，\t \u00A0  "));
                }));
        h.add(new Hard(switch (node) {
            case ZJ -> "quoted value with ',' and doubled quotes in " + text;
            case AH -> "quoted value with '|' and doubled quotes in " + text;
            case SH -> "JSON string escapes (quotes, backslash) in " + text;
            case JS -> "XML escapes &amp; &lt; &gt; in " + text;
        }, rec -> rec.containsKey(text), (rec, r) -> {
            String extra = switch (node) {
                case ZJ -> "（标注\"进口\"字样, 实为国产）";
                case AH -> "（标注\"进口\"字样|实为国产）";
                case SH -> "（标注\"进口\"字样\\实为国产）";
                case JS -> "（标注<进口>字样&实为国产）";
            };
            set(rec, r, text, rec.get(text) + extra);
        }));
        h.add(new Hard("line break inside " + text + (tabular ? " (quoted)" : "") + " (→ one space)",
                rec -> rec.containsKey(text), (rec, r) -> {
                    String t = (String) rec.get(text);
                    rec.put(text, t + " 以上情况属实。");
                    r.nat.put(col(text), t + "\n以上情况属实。");
                }));
        String org = switch (ds) {
            case PENALTY, LICENSE -> "data.dataSource";
            case DISHONESTY -> "data.authority";
            case REPORT -> "data.agency";
        };
        h.add(new Hard("ASCII parentheses in " + org + ".name (→ full-width)", rec -> true, (rec, r) -> {
            if (ds == Ds.REPORT) {
                String[] a = prov.agencies().get(2);
                set(rec, r, org + ".name", a[0]);
                set(rec, r, org + ".uscc", prov.agencyUscc(a[0]));
            } else {
                set(rec, r, org + ".name", prov.samrWithParens());
                set(rec, r, org + ".uscc", prov.samrUscc());
            }
            r.nat.put(col(org + ".name"), ascii((String) rec.get(org + ".name")));
        }));
        h.add(new Hard("code label with white space around it (subject.category)", rec -> true,
                (rec, r) -> r.nat.put(col("subject.category"), "  " + nat(r, "subject.category") + "\u3000")));
        String optional = switch (ds) {
            case PENALTY, LICENSE -> "data.remark";
            case DISHONESTY -> "data.expiresOn";
            case REPORT -> "data.purpose";
        };
        h.add(new Hard(switch (node) {
            case SH -> "explicit JSON null in optional " + optional + " (absent)";
            case JS -> "empty element for optional " + optional + " (absent)";
            default -> "white space / zero-width only in optional " + optional + " (absent)";
        }, rec -> true, (rec, r) -> {
            rec.remove(optional);
            r.nat.put(col(optional), switch (node) {
                case SH -> NativeWriter.JSON_NULL;
                case JS -> "";
                default -> "\u3000 \u200B";
            });
        }));
        if (node == Node.SH) {
            h.add(new Hard("empty JSON string in optional subject.legalRepresentative / data.summary (absent)",
                    rec -> true, (rec, r) -> {
                        String p = ds == Ds.REPORT ? "data.summary" : "subject.legalRepresentative";
                        rec.remove(p);
                        r.nat.put(col(p), "");
                    }));
        }
        if (node == Node.JS) {
            h.add(new Hard("CDATA section in " + text, rec -> rec.containsKey(text),
                    (rec, r) -> {
                        rec.put(text, rec.get(text) + "<注>");
                        r.nat.put(col(text), new Cdata((String) rec.get(text)));
                    }));
        }
        if (node == Node.ZJ) {
            h.add(new Hard("zero-padded dates (yyyy/MM/dd)", rec -> true, (rec, r) -> {
                for (Map.Entry<String, Object> e : rec.entrySet()) {
                    if (e.getValue() instanceof LocalDate d && d.getYear() != 9999) {
                        r.nat.put(col(e.getKey()), String.format("%d/%02d/%02d", d.getYear(), d.getMonthValue(),
                                d.getDayOfMonth()));
                    }
                }
            }));
        }
        if (node == Node.AH) {
            h.add(new Hard("GB18030-only characters (𠮷 U+20BB7, 㐂 U+3402) in subject.name", rec -> !currentShared, (rec, r) -> {
                Subj s = companies.get(rnd.nextBoolean() ? 5 : 11);
                set(rec, r, "subject.name", s.name());
                set(rec, r, "subject.category", s.category());
                set(rec, r, "subject.uscc", s.uscc());
                if (ds != Ds.REPORT) {
                    set(rec, r, "subject.legalRepresentative", s.legalRep());
                    set(rec, r, "subject.idType", null);
                    set(rec, r, "subject.idNumber", null);
                }
            }));
        }
        if (ds == Ds.REPORT) {
            h.add(new Hard("upper-case documentSha256 (→ lower-case)", rec -> rec.containsKey("data.documentSha256"),
                    (rec, r) -> r.nat.put(col("data.documentSha256"), ((String) rec.get("data.documentSha256")).toUpperCase())));
            h.add(new Hard("rating with white space around it", rec -> true,
                    (rec, r) -> r.nat.put(col("data.rating"), " " + rec.get("data.rating") + "\u3000")));
        }
        return h;
    }

    private void amountHardCases(List<Hard> h) {
        boolean wan = node == Node.JS || node == Node.AH;
        if (wan) {
            h.add(new Hard("万元 amount with six decimals (exact fen)", rec -> true, (rec, r) -> {
                ensureFine(rec, r);
                set(rec, r, "data.fineAmount", new BigDecimal("12345.67").add(BigDecimal.valueOf(rnd.nextInt(90_000))));
                rec.put("data.content", content(rec));
                r.nat.put(col("data.content"), rec.get("data.content"));
            }));
            h.add(new Hard("万元 amounts with seven decimals (half-up to fen: 1.2345675 → 12345.68, 0.0365125 → 365.13)",
                    rec -> true, (rec, r) -> {
                        setTypes(rec, r, List.of("FINE", "CONFISCATION"));
                        rec.put("data.fineAmount", new BigDecimal("12345.68"));
                        rec.put("data.confiscatedAmount", new BigDecimal("365.13"));
                        r.nat.put(col("data.fineAmount"), "1.2345675");
                        r.nat.put(col("data.confiscatedAmount"), "0.0365125");
                    }));
            h.add(new Hard("exponent notation in a 万元 amount (1.5E0 → 15000.00)", rec -> true, (rec, r) -> {
                setTypes(rec, r, List.of("FINE"));
                rec.put("data.fineAmount", new BigDecimal("15000.00"));
                r.nat.put(col("data.fineAmount"), "1.5E0");
            }));
            h.add(new Hard("万元 amount below one yuan (0.0000125 → 0.13)", rec -> true, (rec, r) -> {
                setTypes(rec, r, List.of("FINE", "CONFISCATION"));
                rec.put("data.confiscatedAmount", new BigDecimal("0.13"));
                r.nat.put(col("data.confiscatedAmount"), "0.0000125");
            }));
        } else {
            h.add(new Hard("amount needing half-up rounding (12345.675 → 12345.68), exact decimal", rec -> true,
                    (rec, r) -> {
                        setTypes(rec, r, List.of("FINE"));
                        rec.put("data.fineAmount", new BigDecimal("12345.68"));
                        r.nat.put(col("data.fineAmount"), node == Node.SH ? new Num("12345.675") : "12345.675");
                    }));
            h.add(new Hard("exponent notation in an amount (1.5E4 → 15000.00)", rec -> true, (rec, r) -> {
                setTypes(rec, r, List.of("FINE"));
                rec.put("data.fineAmount", new BigDecimal("15000.00"));
                r.nat.put(col("data.fineAmount"), node == Node.SH ? new Num("1.5E4") : "1.5E4");
            }));
            if (node == Node.SH) {
                h.add(new Hard("JSON number 2000.005 (exact half-up 2000.01; via double it would be 2000.00)", rec -> true,
                        (rec, r) -> {
                            setTypes(rec, r, List.of("FINE"));
                            rec.put("data.fineAmount", new BigDecimal("2000.01"));
                            r.nat.put(col("data.fineAmount"), new Num("2000.005"));
                        }));
            }
        }
    }

    /** Replaces the penalty types (and the amounts and content that go with them). */
    private void setTypes(Rec rec, SampleRow r, List<String> types) {
        rec.put("data.penaltyTypes", new ArrayList<>(types));
        if (types.contains("FINE") && !rec.containsKey("data.fineAmount")) {
            rec.put("data.fineAmount", new BigDecimal("5000.00"));
        }
        if (!types.contains("FINE")) {
            rec.remove("data.fineAmount");
        }
        if (types.contains("CONFISCATION") && !rec.containsKey("data.confiscatedAmount")) {
            rec.put("data.confiscatedAmount", new BigDecimal("3260.00"));
        }
        if (!types.contains("CONFISCATION")) {
            rec.remove("data.confiscatedAmount");
        }
        rec.put("data.content", content(rec));
        for (String p : List.of("data.penaltyTypes", "data.fineAmount", "data.confiscatedAmount", "data.content")) {
            renderField(rec, r, p);
        }
    }

    private void ensureFine(Rec rec, SampleRow r) {
        if (!rec.types().contains("FINE")) {
            List<String> t = new ArrayList<>(rec.types());
            t.add(0, "FINE");
            if (t.size() > 2 && node == Node.AH) {
                t = new ArrayList<>(t.subList(0, 2));
            }
            setTypes(rec, r, t);
        }
    }

    private void duplicateType(Rec rec, SampleRow r) {
        if (node == Node.AH) {
            setTypes(rec, r, List.of("FINE"));
            r.nat.put(NativeLayout.AH_TYPES_1, "罚款");
            r.nat.put(NativeLayout.AH_TYPES_2, "罚款");
            return;
        }
        setTypes(rec, r, List.of("FINE", "WARNING"));
        r.nat.put(col("data.penaltyTypes"), node == Node.SH ? List.of("FINE", "WARNING", "FINE") : "罚款；警告；罚款");
    }

    private void severalTypes(Rec rec, SampleRow r) {
        setTypes(rec, r, List.of("WARNING", "FINE", "CONFISCATION"));
        r.nat.put(col("data.penaltyTypes"), node == Node.SH ? List.of("WARNING", "FINE", "CONFISCATION")
                : "警告;罚款；没收违法所得");
    }

    /** Round robin over the applicable hard cases, so that every kind occurs several times. */
    private void applyHardCase(Rec rec, SampleRow r) {
        List<Hard> all = hardCases();
        for (int tries = 0; tries < all.size(); tries++) {
            Hard h = all.get(hardCursor++ % all.size());
            if (h.applies().test(rec) && !r.notes.contains(h.name())) {
                h.fn().apply(rec, r);
                r.notes.add(h.name());
                return;
            }
        }
    }

    // ---------------------------------------------------------------- invalid rows

    private enum Who { COMPANY, PERSON, ANY }

    private interface Tweak {
        /** Changes the native row; returns the reasons SPEC §2 demands, in canonical field order. */
        List<String> apply(Rec rec, SampleRow r);
    }

    private List<Runnable> invalidCases() {
        List<Runnable> c = new ArrayList<>();
        boolean persons = ds != Ds.REPORT;
        String mainDate = switch (ds) {
            case PENALTY, LICENSE -> "data.decisionDate";
            case DISHONESTY -> "data.listedOn";
            case REPORT -> "data.ratingDate";
        };
        String auth = ds == Ds.REPORT ? "data.agency" : "data.authority";
        c.add(bad("wrong USCC check character (subject)", Who.COMPANY, (rec, r) -> {
            r.nat.put(col("subject.uscc"), breakCheck((String) rec.get("subject.uscc")));
            return List.of("INVALID_USCC:subject.uscc");
        }));
        if (persons) {
            c.add(bad("wrong resident ID check character", Who.PERSON, (rec, r) -> {
                r.nat.put(col("subject.idNumber"), breakCheck((String) rec.get("subject.idNumber")));
                return List.of("INVALID_ID_NUMBER:subject.idNumber");
            }));
        }
        c.add(bad("impossible date " + mainDate + " (2023-02-30)", Who.ANY, (rec, r) -> {
            r.nat.put(col(mainDate), NativeLayout.date(node, 2023, 2, 30));
            return List.of("BAD_DATE:" + mainDate);
        }));
        if (persons) {
            c.add(bad("unknown ID type label 军官证", Who.PERSON, (rec, r) -> {
                r.nat.put(col("subject.idType"), node == Node.SH ? "MILITARY_OFFICER_CARD" : "军官证");
                return List.of("UNKNOWN_CODE:subject.idType");
            }));
        }
        c.add(bad("missing subject.name", Who.COMPANY, (rec, r) -> {
            r.nat.put(col("subject.name"), node == Node.SH ? null : node == Node.JS ? "" : " ");
            return List.of("MISSING_REQUIRED:subject.name");
        }));
        c.add(bad("bad " + auth + ".uscc check character", Who.ANY, (rec, r) -> {
            r.nat.put(col(auth + ".uscc"), breakCheck((String) rec.get(auth + ".uscc")));
            return List.of("INVALID_USCC:" + auth + ".uscc");
        }));
        c.add(bad("unknown subject category", Who.COMPANY, (rec, r) -> {
            r.nat.put(col("subject.category"), switch (node) {
                case SH -> "COMPANY";
                case AH -> "4";
                default -> "企业";
            });
            return List.of("UNKNOWN_CODE:subject.category");
        }));
        c.add(bad("date in another pattern than the node's", Who.ANY, (rec, r) -> {
            LocalDate d = (LocalDate) rec.get(mainDate);
            r.nat.put(col(mainDate), NativeLayout.foreignDate(node, d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
            return List.of("BAD_DATE:" + mainDate);
        }));
        if (persons) {
            c.add(bad("natural person with a USCC", Who.PERSON, (rec, r) -> {
                r.nat.put(col("subject.uscc"), companies.get(7).uscc());
                return List.of("INVALID_USCC:subject.uscc");
            }));
        }
        c.add(bad("legal entity without USCC", Who.COMPANY, (rec, r) -> {
            r.nat.put(col("subject.uscc"), node == Node.SH ? NativeWriter.JSON_NULL : node == Node.JS ? "" : "\u3000");
            return List.of("MISSING_REQUIRED:subject.uscc");
        }));
        switch (ds) {
            case PENALTY -> penaltyInvalids(c);
            case LICENSE -> licenseInvalids(c);
            case DISHONESTY -> dishonestyInvalids(c);
            case REPORT -> reportInvalids(c);
        }
        c.add(() -> duplicate(false));
        c.add(() -> duplicate(true));
        if (node == Node.SH) {
            c.add(() -> malformed("JSON line cut off (does not parse)", r -> r.raw = r.raw.substring(0, r.raw.length() / 2)));
            c.add(() -> malformed("JSON line with text after the object", r -> r.raw = r.raw + " ,}"));
        } else if (node != Node.JS) {
            char d = node == Node.ZJ ? ',' : '|';
            c.add(() -> malformed("one column too many", r -> r.raw = r.raw + d + "多余的一列"));
            c.add(() -> malformed("three columns missing", r -> r.raw = r.raw.substring(0, nthFromEnd(r.raw, d, 3))));
        }
        return c;
    }

    private void penaltyInvalids(List<Runnable> c) {
        c.add(bad("FINE without fineAmount", Who.ANY, (rec, r) -> {
            setTypes(rec, r, List.of("WARNING", "FINE"));
            r.nat.put(col("data.fineAmount"), node == Node.SH ? null : "");
            return List.of("MISSING_REQUIRED:data.fineAmount");
        }));
        c.add(bad("negative fineAmount", Who.ANY, (rec, r) -> {
            setTypes(rec, r, List.of("FINE"));
            String v = node == Node.JS || node == Node.AH ? "-0.05" : "-500";
            r.nat.put(col("data.fineAmount"), node == Node.SH ? new Num(v) : v);
            return List.of("BAD_AMOUNT:data.fineAmount");
        }));
        c.add(bad("non-numeric confiscatedAmount", Who.COMPANY, (rec, r) -> {
            setTypes(rec, r, List.of("FINE", "CONFISCATION"));
            r.nat.put(col("data.confiscatedAmount"), node == Node.JS || node == Node.AH ? "0.5万" : "五千元");
            return List.of("BAD_AMOUNT:data.confiscatedAmount");
        }));
        c.add(bad("unknown penalty type label", Who.ANY, (rec, r) -> {
            setTypes(rec, r, List.of("WARNING"));
            switch (node) {
                case SH -> r.nat.put("penaltyTypes", List.of("WARNING", "RECTIFICATION"));
                case AH -> r.nat.put(NativeLayout.AH_TYPES_2, "限期整改");
                default -> r.nat.put(col("data.penaltyTypes"), "警告；限期整改");
            }
            return List.of("UNKNOWN_CODE:data.penaltyTypes");
        }));
        c.add(bad("several problems in one row", Who.COMPANY, (rec, r) -> {
            setTypes(rec, r, List.of("FINE"));
            r.nat.put(col("subject.category"), node == Node.SH ? "LEGAL" : node == Node.AH ? "0" : "法人");
            r.nat.put(col("data.fineAmount"), node == Node.SH ? new Num("-1000") : "-1000");
            r.nat.put(col("data.decisionDate"), NativeLayout.date(node, 2024, 2, 30));
            r.nat.put(col("data.dataSource.uscc"), node == Node.SH ? null : "");
            return List.of("UNKNOWN_CODE:subject.category", "BAD_AMOUNT:data.fineAmount", "BAD_DATE:data.decisionDate",
                    "MISSING_REQUIRED:data.dataSource.uscc");
        }));
        if (node != Node.AH) {
            c.add(bad("长期 in penalty validUntil (only license validTo may say 长期)", Who.ANY, (rec, r) -> {
                r.nat.put(col("data.validUntil"), "长期");
                return List.of("BAD_DATE:data.validUntil");
            }));
        }
    }

    private void licenseInvalids(List<Runnable> c) {
        c.add(bad("neither decision number nor license number", Who.COMPANY, (rec, r) -> {
            r.nat.put(col("data.decisionNumber"), node == Node.SH ? null : "");
            r.nat.put(col("data.licenseNumber"), node == Node.SH ? NativeWriter.JSON_NULL : node == Node.JS ? "" : "\u3000");
            return List.of("MISSING_REQUIRED:data.decisionNumber");
        }));
        c.add(bad("长期 in validFrom (only validTo may say 长期)", Who.ANY, (rec, r) -> {
            r.nat.put(col("data.validFrom"), "长期");
            return List.of("BAD_DATE:data.validFrom");
        }));
        c.add(bad("unknown license category 审批", Who.ANY, (rec, r) -> {
            r.nat.put(col("data.category"), node == Node.SH ? "APPROVED" : "审批");
            return List.of("UNKNOWN_CODE:data.category");
        }));
        c.add(bad("missing validTo", Who.ANY, (rec, r) -> {
            r.nat.put(col("data.validTo"), node == Node.SH ? null : "");
            return List.of("MISSING_REQUIRED:data.validTo");
        }));
        c.add(bad("several problems in one row", Who.COMPANY, (rec, r) -> {
            r.nat.put(col("subject.uscc"), breakCheck((String) rec.get("subject.uscc")));
            r.nat.put(col("data.validTo"), NativeLayout.date(node, 2027, 4, 31));
            r.nat.put(col("data.status"), node == Node.SH ? "ACTIVE" : "正常");
            return List.of("INVALID_USCC:subject.uscc", "BAD_DATE:data.validTo", "UNKNOWN_CODE:data.status");
        }));
    }

    private void dishonestyInvalids(List<Runnable> c) {
        c.add(bad("REMOVED without removedOn", Who.ANY, (rec, r) -> {
            set(rec, r, "data.status", "REMOVED");
            set(rec, r, "data.removalReason", "REPAIRED");
            r.nat.put(col("data.removedOn"), node == Node.SH ? null : "");
            return List.of("MISSING_REQUIRED:data.removedOn");
        }));
        c.add(bad("unknown domain 交通运输", Who.COMPANY, (rec, r) -> {
            r.nat.put(col("data.domain"), node == Node.SH ? "TRANSPORT" : "交通运输");
            return List.of("UNKNOWN_CODE:data.domain");
        }));
        c.add(bad("impossible optional expiresOn (still rejects)", Who.COMPANY, (rec, r) -> {
            r.nat.put(col("data.expiresOn"), NativeLayout.date(node, 2027, 2, 29));
            return List.of("BAD_DATE:data.expiresOn");
        }));
        c.add(bad("unknown status 暂停", Who.COMPANY, (rec, r) -> {
            r.nat.put(col("data.status"), node == Node.SH ? "SUSPENDED" : "暂停");
            return List.of("UNKNOWN_CODE:data.status");
        }));
        c.add(bad("several problems in one row", Who.COMPANY, (rec, r) -> {
            r.nat.put(col("subject.name"), node == Node.SH ? "\u3000" : "\u200B");
            r.nat.put(col("data.domain"), node == Node.SH ? "HEALTH" : "卫生健康");
            r.nat.put(col("data.reason"), node == Node.SH ? NativeWriter.JSON_NULL : "");
            r.nat.put(col("data.listedOn"), NativeLayout.date(node, 2025, 13, 1));
            return List.of("MISSING_REQUIRED:subject.name", "UNKNOWN_CODE:data.domain", "MISSING_REQUIRED:data.reason",
                    "BAD_DATE:data.listedOn");
        }));
    }

    private void reportInvalids(List<Runnable> c) {
        c.add(bad("unknown rating AAA+", Who.ANY, (rec, r) -> {
            r.nat.put(col("data.rating"), "AAA+");
            return List.of("UNKNOWN_CODE:data.rating");
        }));
        c.add(bad("documentSha256 that is not 64 hex digits", Who.ANY, (rec, r) -> {
            r.nat.put(col("data.documentSha256"), sha256Hex("x").substring(0, 40));
            return List.of("BAD_HASH:data.documentSha256");
        }));
        c.add(bad("missing agency USCC", Who.ANY, (rec, r) -> {
            r.nat.put(col("data.agency.uscc"), node == Node.SH ? null : "");
            return List.of("MISSING_REQUIRED:data.agency.uscc");
        }));
        c.add(bad("长期 in report validUntil", Who.ANY, (rec, r) -> {
            r.nat.put(col("data.validUntil"), "长期");
            return List.of("BAD_DATE:data.validUntil");
        }));
        c.add(bad("several problems in one row", Who.COMPANY, (rec, r) -> {
            r.nat.put(col("data.rating"), "A-");
            r.nat.put(col("data.validUntil"), NativeLayout.date(node, 2026, 6, 31));
            r.nat.put(col("data.purpose"), node == Node.SH ? "LOAN" : "贷款");
            r.nat.put(col("data.documentSha256"), "not-a-hash");
            return List.of("UNKNOWN_CODE:data.rating", "BAD_DATE:data.validUntil", "UNKNOWN_CODE:data.purpose",
                    "BAD_HASH:data.documentSha256");
        }));
    }

    private Runnable bad(String name, Who who, Tweak tweak) {
        return () -> {
            Subj s = switch (who) {
                case COMPANY -> plainCompany();
                case PERSON -> naturalPerson(city(), "ID_CARD");
                case ANY -> ds == Ds.REPORT || rnd.nextBoolean() ? plainCompany() : naturalPerson(city(), "ID_CARD");
            };
            Rec rec = build(s, false);
            SampleRow r = render(rec);
            List<String> reasons = tweak.apply(rec, r);
            String key = rejectKey(rec, r);
            if (key != null && !keys.add(key)) {
                throw new IllegalStateException("unplanned duplicate key " + key);
            }
            r.rejectKey = key;
            r.reasons = reasons;
            r.notes.add(name);
            rows.add(r);
        };
    }

    /** The sourceKey the engine must report for a rejected row: the cleaned native key value. */
    private String rejectKey(Rec rec, SampleRow r) {
        if (ds == Ds.LICENSE) {
            String d = cleanKey(r.nat.get(col("data.decisionNumber")));
            return d != null ? d : cleanKey(r.nat.get(col("data.licenseNumber")));
        }
        return cleanKey(r.nat.get(col(rec.keyPath())));
    }

    private void duplicate(boolean afterCleanUp) {
        Rec rec = build(plainCompany(), false);
        SampleRow r = render(rec);
        String earlier = validKeys.get(afterCleanUp ? validKeys.size() / 2 : 2);
        String path = ds == Ds.LICENSE ? "data.decisionNumber" : rec.keyPath();
        if (ds == Ds.LICENSE) {
            rec.put("data.decisionNumber", earlier);
        }
        r.nat.put(col(path), afterCleanUp ? " " + fullWidth(earlier) + "\u200B" : earlier);
        r.rejectKey = earlier;
        r.reasons = List.of("DUPLICATE_KEY");
        r.notes.add(afterCleanUp ? "DUPLICATE_KEY: repeats an earlier key after clean-up (full-width, spaces, U+200B)"
                : "DUPLICATE_KEY: repeats an earlier key verbatim");
        rows.add(r);
    }

    private void malformed(String name, java.util.function.Consumer<SampleRow> tweak) {
        Rec rec = build(plainCompany(), false);
        SampleRow r = render(rec);
        r.raw = node == Node.SH ? NativeWriter.jsonLine(r.nat, NativeLayout.columns(node, ds))
                : NativeWriter.delimitedLine(r.nat.values().stream().map(v -> v == null ? "" : (String) v)
                .toArray(String[]::new), node == Node.ZJ ? ',' : '|');
        tweak.accept(r);
        r.reasons = List.of("MALFORMED_ROW");
        r.notes.add("MALFORMED_ROW: " + name);
        rows.add(r);
    }

    private static int nthFromEnd(String s, char d, int n) {
        int at = s.length();
        for (int i = 0; i < n; i++) {
            at = s.lastIndexOf(d, at - 1);
        }
        return at;
    }

    // ---------------------------------------------------------------- expected canonical JSON

    /** The canonical record as SPEC §2 writes it, built directly from the canonical values. */
    private ObjectNode expected(Rec rec) {
        ObjectNode o = JSON.createObjectNode();
        o.put("recordId", recordId(node.name(), ds.code, rec.key()));
        o.put("dataset", ds.code);
        o.put("source", node.name());
        o.put("sourceKey", rec.key());
        o.put("op", "UPSERT");
        ObjectNode subject = o.putObject("subject");
        ObjectNode data = o.putObject("data");
        for (String path : NativeLayout.paths(ds)) {
            Object v = rec.get(path);
            if (v == null) {
                continue;
            }
            String[] p = path.split("\\.");
            ObjectNode target = p[0].equals("subject") ? subject : data;
            for (int i = 1; i < p.length - 1; i++) {
                target = target.has(p[i]) ? (ObjectNode) target.get(p[i]) : target.putObject(p[i]);
            }
            String leaf = p[p.length - 1];
            if (v instanceof List<?> list) {
                ArrayNode a = target.putArray(leaf);
                list.forEach(x -> a.add((String) x));
            } else if (v instanceof BigDecimal a) {
                target.put(leaf, a.setScale(2, RoundingMode.UNNECESSARY).toPlainString());
            } else {
                target.put(leaf, v.toString());
            }
        }
        return o;
    }

    /** SPEC recordId with a plain MessageDigest (independent of the gateway's RecordIds). */
    static String recordId(String source, String dataset, String key) {
        byte[] h = sha256((source + "\n" + dataset + "\n" + key).getBytes(StandardCharsets.UTF_8));
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            b.append(String.format("%02x", h[i]));
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- small helpers

    /** SPEC §2 rules 1 + 2 for a key, written out by hand: drop zero-width, full-width → ASCII, no spaces. */
    static String cleanKey(Object nativeValue) {
        if (!(nativeValue instanceof String s)) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            boolean space = c == ' ' || c == '\u3000' || c == '\t' || c == '\u00A0' || c == '\n' || c == '\r';
            boolean zeroWidth = c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF';
            if (!space && !zeroWidth) {
                b.append(c);
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    /** The city a subject evidently belongs to (name or ID area code), else a random one of the province. */
    private City cityOf(Subj s) {
        City byRandom = city(); // drawn always, so the sequence does not depend on the match
        for (City c : prov.cities()) {
            boolean named = node == Node.SH ? s.name().startsWith(c.full()) : s.name().contains(c.place());
            boolean born = s.idNumber() != null && s.idType().equals("ID_CARD")
                    && s.idNumber().startsWith(c.code().substring(0, 4));
            if (named || born) {
                return c;
            }
        }
        return byRandom;
    }

    private City city() {
        return prov.cities().get(rnd.nextInt(prov.cities().size()));
    }

    private LocalDate day() {
        return FIRST_DAY.plusDays(rnd.nextInt((int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay())));
    }

    private String number(String prefix, int year) {
        return prefix + "〔" + year + "〕" + counter(prefix + year) + "号";
    }

    private int counter(String key) {
        return counters.merge(key, 1 + rnd.nextInt(40), Integer::sum);
    }

    private Subj company() {
        return companies.get(rnd.nextInt(companies.size()));
    }

    /** A company that is not one of the shared subjects (for rejected rows). */
    private Subj plainCompany() {
        Subj s;
        do {
            s = company();
        } while (SHARED.contains(s));
        return s;
    }

    private Subj company(City c, String parenthesised) {
        String trade = TRADE[rnd.nextInt(TRADE.length)] + TRADE[rnd.nextInt(TRADE.length)].charAt(0);
        String industry = INDUSTRY[rnd.nextInt(INDUSTRY.length)];
        String name = parenthesised == null ? c.place() + trade + industry
                : parenthesised.equals("集团") ? c.place() + trade + industry.replace("有限公司", "（集团）有限公司")
                : trade + "（" + parenthesised + "）" + industry;
        return new Subj(name, "LEGAL_ENTITY", uscc("91" + c.code() + randomUsccChars(9)), personName(), null, null);
    }

    private Subj individualBusiness(City c, boolean withUscc) {
        String owner = personName();
        String name = c.full() + owner.charAt(0) + "记" + SHOPS[rnd.nextInt(SHOPS.length)];
        return new Subj(name, "INDIVIDUAL_BUSINESS", withUscc ? uscc("92" + c.code() + "MA" + randomUsccChars(7)) : null,
                owner, null, null);
    }

    private Subj naturalPerson(City c) {
        int k = rnd.nextInt(10);
        if (node == Node.SH && k == 0) {
            return new Subj(personName(), "NATURAL_PERSON", null, null, "HK_MACAO_PASS", "H" + digits(8));
        }
        if (k == 1) {
            return new Subj(personName(), "NATURAL_PERSON", null, null, "PASSPORT", "E" + digits(8));
        }
        if (node == Node.SH && k == 2) {
            return new Subj(personName(), "NATURAL_PERSON", null, null, "TAIWAN_PASS", digits(8));
        }
        return naturalPerson(c, "ID_CARD");
    }

    private Subj naturalPerson(City c, String idType) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(rnd.nextInt(16000));
        String area = c.code().substring(0, 4) + String.format("%02d", 2 + rnd.nextInt(8));
        return new Subj(personName(), "NATURAL_PERSON", null, null, idType,
                idCard(area + birth.toString().replace("-", "") + digits(3)));
    }

    private String personName() {
        String given = GIVEN[rnd.nextInt(GIVEN.length)];
        if (given.length() == 1 && rnd.nextBoolean()) {
            String second;
            do {
                second = GIVEN[rnd.nextInt(GIVEN.length)];
            } while (second.length() != 1 || second.equals(given));
            given += second;
        }
        return SURNAMES[rnd.nextInt(SURNAMES.length)] + given;
    }

    private String digits(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + rnd.nextInt(10)));
        }
        return b.toString();
    }

    private String randomUsccChars(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i < 2 || rnd.nextInt(3) > 0 ? (char) ('0' + rnd.nextInt(10))
                    : Uscc.CHARSET.charAt(10 + rnd.nextInt(Uscc.CHARSET.length() - 10)));
        }
        return b.toString();
    }

    static String uscc(String first17) {
        return first17 + Uscc.checkChar(first17);
    }

    static String idCard(String first17) {
        return first17 + ResidentId.checkChar(first17);
    }

    /** The same code with a wrong check character. */
    static String breakCheck(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == '0' ? '1' : '0');
    }

    static String fullWidth(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : c);
        }
        return b.toString();
    }

    private static String ascii(String name) {
        return name.replace('（', '(').replace('）', ')');
    }

    private static String insert(String s, int at, String ins) {
        int i = Math.min(at, s.length());
        if (i > 0 && Character.isHighSurrogate(s.charAt(i - 1))) {
            i++;
        }
        return s.substring(0, i) + ins + s.substring(i);
    }

    static String sha256Hex(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : sha256(s.getBytes(StandardCharsets.UTF_8))) {
            b.append(String.format("%02x", x));
        }
        return b.toString();
    }

    private static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
