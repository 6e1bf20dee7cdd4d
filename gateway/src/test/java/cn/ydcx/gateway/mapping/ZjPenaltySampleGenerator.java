package cn.ydcx.gateway.mapping;

import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.validation.ResidentId;
import cn.ydcx.gateway.validation.Uscc;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes {@code samples/ZJ/penalty.csv} and, independently of the engine, the output the SPEC
 * demands for it: {@code expected/ZJ/penalty.records.jsonl} and {@code penalty.rejects.jsonl}.
 *
 * <p>Every row starts as a clean canonical record; the native row is derived from it (labels,
 * yyyy/M/d dates, yuan amounts) and then deliberately made awkward ("hard cases": full-width
 * characters, U+3000, zero-width spaces, ASCII parentheses, thousands separators, mixed
 * separators, duplicated types, quoted commas and line breaks ...) in ways whose canonical
 * result is stated here by hand. Invalid rows carry the reasons the SPEC requires, also stated by
 * hand. The expected files are thus an oracle written from the SPEC, not a copy of engine output.
 *
 * <p>Deterministic (fixed seed). Run {@code main} from the repository root to regenerate.
 */
public final class ZjPenaltySampleGenerator {
    static final long SEED = 20251127L;
    static final int VALID_ROWS = 212;
    static final String[] HEADER = {"行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人", "证件类型", "证件号码",
        "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容", "罚款金额（元）",
        "没收违法所得金额（元）", "暂扣或吊销证照名称及编号", "处罚决定日期", "处罚有效期", "公示截止期", "处罚机关",
        "处罚机关统一社会信用代码", "数据来源单位", "数据来源单位统一社会信用代码", "备注"};
    static final String SHARED_USCC = "913304007429141869";

    private static final String[][] CITIES = {
        {"杭州", "杭", "330100", "330102", "上城区", "330106", "西湖区", "330108", "滨江区"},
        {"宁波", "甬", "330200", "330203", "海曙区", "330212", "鄞州区", "330206", "北仑区"},
        {"温州", "温", "330300", "330302", "鹿城区", "330381", "瑞安市", "330382", "乐清市"},
        {"嘉兴", "嘉", "330400", "330402", "南湖区", "330411", "秀洲区", "330481", "海宁市"},
        {"湖州", "湖", "330500", "330502", "吴兴区", "330503", "南浔区", "330521", "德清县"},
        {"绍兴", "绍", "330600", "330602", "越城区", "330681", "诸暨市", "330604", "上虞区"},
        {"金华", "金", "330700", "330702", "婺城区", "330782", "义乌市", "330783", "东阳市"},
        {"台州", "台", "331000", "331002", "椒江区", "331081", "温岭市", "331082", "临海市"},
        {"丽水", "丽", "331100", "331102", "莲都区", "331181", "龙泉市", "331121", "青田县"},
        {"舟山", "舟", "330900", "330902", "定海区", "330903", "普陀区", "330921", "岱山县"},
    };
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
        "朱", "胡", "郭", "何", "林", "罗", "郑", "沈", "钱", "蒋", "叶", "潘"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
        "娟", "涛", "明", "超", "秀英", "华", "建国", "志强", "海燕", "晓东", "丽华", "国平", "建华", "雪梅", "永康"};
    private static final String[] TRADE_NAMES = {"恒远", "华信", "金泰", "瑞丰", "宏达", "鑫源", "新力", "永盛", "天诚", "博雅",
        "中拓", "嘉禾", "锦程", "盛世", "卓越", "海纳", "正泰", "东方", "汇通", "万象", "润泽", "联创", "安信", "康达"};
    private static final String[] INDUSTRIES = {"科技有限公司", "贸易有限公司", "餐饮管理有限公司", "建材有限公司", "化工有限公司",
        "食品有限公司", "物流有限公司", "电子商务有限公司", "纺织有限公司", "机械制造有限公司", "医药连锁有限公司",
        "房地产开发有限公司", "环保科技股份有限公司", "汽车销售服务有限公司"};
    private static final String[] SHOPS = {"小吃店", "便利店", "五金店", "水果店", "理发店", "副食品商行", "服装店", "烟酒商行",
        "面馆", "汽车修理部"};

    /** violation type, facts template (%s = subject), legal basis, agency kind (0 市监 1 环保 2 应急 3 综执). */
    private static final String[][] VIOLATIONS = {
        {"虚假宣传", "当事人在其网络店铺中对所售商品作引人误解的虚假宣传，宣称产品具有“抗癌”功效，无任何依据。",
            "《中华人民共和国反不正当竞争法》第二十条第一款", "0"},
        {"销售不合格产品", "当事人销售经抽检不合格的电线电缆，导体电阻项目不符合国家标准要求。",
            "《中华人民共和国产品质量法》第四十九条", "0"},
        {"未按规定明码标价", "当事人经营场所内销售的商品未按规定标示价格，检查时有12种商品未标价。",
            "《明码标价和禁止价格欺诈规定》第二十一条", "0"},
        {"经营超过保质期的食品", "当事人经营超过保质期的预包装食品，货值金额较小。",
            "《中华人民共和国食品安全法》第一百二十四条第一款第（五）项", "0"},
        {"发布违法广告", "当事人利用自设网站发布含有“国家级”“最佳”等用语的广告。",
            "《中华人民共和国广告法》第五十七条第（一）项", "0"},
        {"超标排放大气污染物", "经监测，当事人废气排放口颗粒物浓度超过排放标准1.8倍。",
            "《中华人民共和国大气污染防治法》第九十九条第（二）项", "1"},
        {"未批先建", "当事人扩建项目环境影响报告表未经审批擅自开工建设。",
            "《中华人民共和国环境影响评价法》第三十一条第一款", "1"},
        {"未按规定贮存危险废物", "当事人将废矿物油等危险废物露天堆放，未设置识别标志。",
            "《中华人民共和国固体废物污染环境防治法》第一百一十二条第一款第（六）项", "1"},
        {"未按规定开展安全生产教育和培训", "当事人未对新进从业人员进行安全生产教育和培训，即安排上岗作业。",
            "《中华人民共和国安全生产法》第九十七条第（三）项", "2"},
        {"未对安全设备进行经常性维护", "当事人车间内消防喷淋系统、可燃气体报警装置未进行经常性维护保养。",
            "《中华人民共和国安全生产法》第九十九条第（三）项", "2"},
        {"擅自占用城市道路", "当事人未经许可擅自占用城市道路堆放建筑材料。",
            "《城市道路管理条例》第四十二条第（三）项", "3"},
        {"违反城市生活垃圾管理规定", "当事人未将生活垃圾分类投放至指定的收集容器。",
            "《浙江省生活垃圾管理条例》第七十条第一款", "3"},
    };
    private static final String[] AGENCY_SUFFIX = {"市场监督管理局", "生态环境局", "应急管理局", "综合行政执法局"};
    private static final String[] AGENCY_ABBR = {"市监罚", "环罚", "应急罚", "综执罚"};
    private static final String[] FACT_TAILS = {"", "经查，情节较轻。", "当事人积极配合调查，如实陈述违法事实。",
        "上述事实有现场检查笔录、询问笔录、抽样检验报告等证据证实。"};

    private final Random rnd = new Random(SEED);
    private final List<Subject> companies = new ArrayList<>();
    private final Map<String, Integer> decisionCounters = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private final List<String> validKeys = new ArrayList<>();

    /** A canonical subject and how it is written natively. */
    record Subject(String name, String category, String uscc, String legalRep, String idType, String idNumber,
                   String city) {
    }

    /** One CSV row: native cells and what normalising it must give (record xor reject reasons). */
    static final class Row {
        String[] cells = new String[HEADER.length];
        ObjectNode record;
        String rejectKey;
        List<String> reasons;
        /** Cells written verbatim (already quoted / deliberately malformed). */
        String rawLine;
    }

    /** Canonical values of a penalty, before native rendering. */
    static final class Canon {
        Subject subject;
        String decisionNumber;
        String violationType;
        String facts;
        String basis;
        List<String> types = new ArrayList<>();
        String content;
        BigDecimal fine;
        BigDecimal confiscated;
        String licenseAction;
        LocalDate decisionDate;
        LocalDate validUntil;
        LocalDate publicUntil;
        String authName;
        String authUscc;
        String dsName;
        String dsUscc;
        String remark;
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        new ZjPenaltySampleGenerator().generate().write(root);
    }

    ZjPenaltySampleGenerator generate() {
        for (int i = 0; i < 40; i++) {
            companies.add(company(CITIES[i % CITIES.length], i % 7 == 3));
        }
        companies.set(3, new Subject("嘉兴禾润新材料科技有限公司", "LEGAL_ENTITY", SHARED_USCC, "沈国平", null, null, "嘉兴"));
        int invalidAt = 0;
        List<Runnable> invalids = invalidCases();
        for (int i = 0; i < VALID_ROWS; i++) {
            // sprinkle the invalid rows over the file rather than putting them at the end
            if (i % 8 == 5 && invalidAt < invalids.size()) {
                invalids.get(invalidAt++).run();
            }
            validRow(i);
        }
        while (invalidAt < invalids.size()) {
            invalids.get(invalidAt++).run();
        }
        return this;
    }

    // ---------------------------------------------------------------- valid rows and hard cases

    private void validRow(int i) {
        Canon c = canon(pickSubject(i));
        Row r = render(c);
        hardCases(i, c, r);
        accept(r, c);
    }

    private Subject pickSubject(int i) {
        if (i % 50 == 7 || i == 19) {
            return companies.get(3); // the shared subject: several penalties for 913304007429141869
        }
        int kind = i % 10;
        String[] city = CITIES[rnd.nextInt(CITIES.length)];
        if (kind == 2 || kind == 6) {
            return individualBusiness(city, i % 4 == 0);
        }
        if (kind == 8) {
            return naturalPerson(city, i % 3 == 0 ? "PASSPORT" : "ID_CARD");
        }
        return companies.get(rnd.nextInt(companies.size()));
    }

    private Canon canon(Subject s) {
        Canon c = new Canon();
        c.subject = s;
        String[] v = VIOLATIONS[rnd.nextInt(VIOLATIONS.length)];
        int agency = Integer.parseInt(v[3]);
        String[] city = city(s.city());
        c.violationType = v[0];
        c.facts = v[1] + FACT_TAILS[rnd.nextInt(FACT_TAILS.length)];
        c.basis = v[2];
        c.decisionDate = LocalDate.of(2023, 1, 3).plusDays(rnd.nextInt(1000));
        c.decisionNumber = decisionNumber(city[1] + AGENCY_ABBR[agency], c.decisionDate.getYear(), "〔", "〕");
        c.authName = city[0] + "市" + AGENCY_SUFFIX[agency];
        c.authUscc = agencyUscc(city[2], agency);
        c.dsName = c.authName;
        c.dsUscc = c.authUscc;
        int t = rnd.nextInt(10);
        if (t < 4) {
            c.types.add("FINE");
        } else if (t < 6) {
            c.types.addAll(List.of("WARNING", "FINE"));
        } else if (t == 6) {
            c.types.addAll(List.of("FINE", "CONFISCATION"));
        } else if (t == 7) {
            c.types.add("WARNING");
        } else if (t == 8) {
            c.types.addAll(List.of("SUSPENSION", "FINE"));
        } else {
            c.types.add("CRITICISM");
        }
        if (c.types.contains("FINE")) {
            c.fine = BigDecimal.valueOf(500L * (1 + rnd.nextInt(s.category().equals("LEGAL_ENTITY") ? 400 : 40)))
                    .setScale(2, RoundingMode.UNNECESSARY);
        }
        if (c.types.contains("CONFISCATION")) {
            c.confiscated = BigDecimal.valueOf(100 + rnd.nextInt(90_000), 2).add(BigDecimal.valueOf(rnd.nextInt(20_000)));
        }
        c.content = content(c);
        c.publicUntil = c.types.equals(List.of("WARNING")) || c.types.equals(List.of("CRITICISM")) ? null
                : c.decisionDate.plusYears(c.fine != null && c.fine.compareTo(BigDecimal.valueOf(100_000)) >= 0 ? 3 : 1);
        if (c.types.contains("SUSPENSION")) {
            c.validUntil = c.decisionDate.plusMonths(3);
        }
        c.remark = rnd.nextInt(6) == 0 ? "当事人已履行处罚决定" : null;
        return c;
    }

    private String content(Canon c) {
        List<String> parts = new ArrayList<>();
        for (String t : c.types) {
            parts.add(switch (t) {
                case "FINE" -> "罚款人民币" + c.fine.stripTrailingZeros().toPlainString() + "元";
                case "WARNING" -> "警告";
                case "CONFISCATION" -> "没收违法所得" + c.confiscated.toPlainString() + "元";
                case "SUSPENSION" -> "责令停产停业三个月";
                case "CRITICISM" -> "通报批评";
                case "LICENSE_ACTION" -> "吊销许可证";
                default -> "责令改正违法行为";
            });
        }
        return String.join("；", parts);
    }

    /** The native row for a canonical penalty, written the ordinary ZJ way. */
    private Row render(Canon c) {
        Row r = new Row();
        Subject s = c.subject;
        set(r, 0, s.name());
        set(r, 1, categoryLabel(s.category()));
        set(r, 2, s.uscc());
        set(r, 3, s.legalRep());
        set(r, 4, s.idType() == null ? null : s.idType().equals("ID_CARD") ? "身份证" : "护照");
        set(r, 5, s.idNumber());
        set(r, 6, c.decisionNumber);
        set(r, 7, c.violationType);
        set(r, 8, c.facts);
        set(r, 9, c.basis);
        set(r, 10, String.join("；", c.types.stream().map(ZjPenaltySampleGenerator::typeLabel).toList()));
        set(r, 11, c.content);
        set(r, 12, c.fine == null ? null : plainYuan(c.fine));
        set(r, 13, c.confiscated == null ? null : c.confiscated.toPlainString());
        set(r, 14, c.licenseAction);
        set(r, 15, date(c.decisionDate, false));
        set(r, 16, c.validUntil == null ? null : date(c.validUntil, false));
        set(r, 17, c.publicUntil == null ? null : date(c.publicUntil, false));
        set(r, 18, c.authName);
        set(r, 19, c.authUscc);
        set(r, 20, c.dsName);
        set(r, 21, c.dsUscc);
        set(r, 22, c.remark);
        return r;
    }

    /**
     * Applies hard cases to roughly 40% of the valid rows, cycling so that every kind occurs
     * several times. Each case changes the native cells and states the canonical consequence.
     */
    private void hardCases(int i, Canon c, Row r) {
        if (i % 5 != 1 && i % 5 != 3) {
            return;
        }
        int kind = (i / 2) % 21;
        switch (kind) {
            case 0 -> r.cells[0] = insertAt(c.subject.name(), 2, "\u200B"); // zero-width space: removed
            case 1 -> r.cells[0] = "\u3000" + c.subject.name() + "\u3000"; // ideographic spaces: trimmed
            case 2 -> { // ASCII parentheses in the subject name become full-width
                String ascii = c.subject.name().contains("有限公司") ? c.subject.name().replace("有限公司", "(集团)有限公司")
                        : c.subject.name() + "(分店)";
                r.cells[0] = ascii;
                c.subject = withName(c.subject, ascii.replace('(', '（').replace(')', '）'));
            }
            case 3 -> { // full-width USCC (or full-width decision number for persons)
                if (c.subject.uscc() != null) {
                    r.cells[2] = fullWidth(c.subject.uscc());
                } else {
                    r.cells[6] = fullWidth(c.decisionNumber);
                }
            }
            case 4 -> { // lower case and spaces inside identifiers
                if (c.subject.uscc() != null) {
                    String u = c.subject.uscc().toLowerCase();
                    r.cells[2] = u.substring(0, 6) + " " + u.substring(6, 12) + " " + u.substring(12);
                }
                r.cells[6] = c.decisionNumber.replace("〔", " 〔").replace("〕", "〕 ");
            }
            case 5 -> { // full-width digits in the decision number
                r.cells[6] = fullWidth(c.decisionNumber);
            }
            case 6 -> { // thousands separators (the value then needs CSV quoting)
                if (c.fine == null) {
                    addFine(c, r, new BigDecimal("12500.00"));
                }
                r.cells[12] = grouped(c.fine);
            }
            case 7 -> { // zero-padded dates
                r.cells[15] = date(c.decisionDate, true);
                if (c.publicUntil != null) {
                    r.cells[17] = date(c.publicUntil, true);
                }
            }
            case 8 -> { // several types, ASCII ';' and full-width '；' mixed
                c.types = new ArrayList<>(List.of("WARNING", "FINE", "CONFISCATION"));
                ensureFine(c, r);
                if (c.confiscated == null) {
                    c.confiscated = new BigDecimal("3260.00");
                }
                r.cells[13] = "3260";
                c.confiscated = new BigDecimal("3260.00");
                r.cells[10] = "警告;罚款；没收违法所得";
                rewriteContent(c, r);
            }
            case 9 -> { // a type repeated: kept once, at its first position
                c.types = new ArrayList<>(List.of("FINE", "WARNING"));
                ensureFine(c, r);
                r.cells[10] = "罚款；警告；罚款";
                rewriteContent(c, r);
            }
            case 10 -> { // 其他-… is OTHER
                c.types = new ArrayList<>(List.of("FINE", "OTHER"));
                ensureFine(c, r);
                r.cells[10] = "罚款；其他-责令限期改正";
                dropConfiscationIfGone(c, r);
                c.content = content(c).replace("；责令改正违法行为", "") + "；责令限期改正";
                r.cells[11] = c.content;
            }
            case 11 -> { // quoted value with ASCII commas and doubled quotes
                c.facts = "经查, 当事人在\"天猫\"店铺销售的商品, 标注\"进口\"字样, 实为国产。";
                r.cells[8] = c.facts;
            }
            case 12 -> { // tab, no-break space and runs of spaces collapse to one space
                r.cells[8] = c.facts.replace("，", "，\t \u00A0 ");
                c.facts = c.facts.replace("，", "， ");
            }
            case 13 -> { // category label with surrounding white space
                r.cells[1] = "  " + r.cells[1] + "\u3000";
            }
            case 14 -> { // exponent notation
                c.types = new ArrayList<>(List.of("FINE"));
                c.fine = new BigDecimal("15000.00");
                r.cells[10] = "罚款";
                r.cells[12] = "1.5E4";
                rewriteContent(c, r);
            }
            case 15 -> { // half-up rounding to two decimals
                c.types = new ArrayList<>(List.of("FINE"));
                r.cells[10] = "罚款";
                r.cells[12] = "12,345.675";
                dropConfiscationIfGone(c, r);
                c.fine = new BigDecimal("12345.68");
                c.content = "罚款人民币12345.675元（依法保留两位小数为12345.68元）";
                r.cells[11] = c.content;
            }
            case 16 -> { // line break inside a quoted value: white space, becomes one space
                r.cells[8] = c.facts + "\n" + "以上事实清楚，证据确凿。";
                c.facts = c.facts + " 以上事实清楚，证据确凿。";
            }
            case 17 -> { // data source name with ASCII parentheses
                c.dsName = "浙江省市场监督管理局（浙江省知识产权局）";
                c.dsUscc = agencyUscc("330000", 0);
                r.cells[20] = "浙江省市场监督管理局(浙江省知识产权局)";
                r.cells[21] = c.dsUscc;
            }
            case 18 -> { // full-width parentheses in a decision number become ASCII
                String ascii = decisionNumber(city(c.subject.city())[1] + "环罚", c.decisionDate.getYear(), "(", ")");
                c.decisionNumber = ascii;
                r.cells[6] = ascii.replace('(', '（').replace(')', '）');
            }
            case 19 -> { // white space only remark is absent; quoted empty cells are empty
                c.remark = null;
                r.cells[22] = "\u3000 \u200B";
            }
            default -> { // license action text and a license-action type with quoted commas
                c.types = new ArrayList<>(List.of("LICENSE_ACTION", "FINE"));
                ensureFine(c, r);
                c.licenseAction = "吊销《食品经营许可证》(编号:JY13301060012345), 收缴正本、副本";
                r.cells[14] = c.licenseAction;
                r.cells[10] = "暂扣或者吊销许可证；罚款";
                rewriteContent(c, r);
            }
        }
    }

    /** Keeps the confiscated amount only while the types still include CONFISCATION. */
    private static void dropConfiscationIfGone(Canon c, Row r) {
        if (!c.types.contains("CONFISCATION")) {
            c.confiscated = null;
            r.cells[13] = "";
        }
    }

    private void addFine(Canon c, Row r, BigDecimal fine) {
        c.types.add(0, "FINE");
        c.fine = fine;
        r.cells[10] = String.join("；", c.types.stream().map(ZjPenaltySampleGenerator::typeLabel).toList());
        rewriteContent(c, r);
    }

    private void ensureFine(Canon c, Row r) {
        if (c.fine == null) {
            c.fine = new BigDecimal("5000.00");
            r.cells[12] = "5000";
        }
        if (c.publicUntil == null) {
            c.publicUntil = c.decisionDate.plusYears(1);
            r.cells[17] = date(c.publicUntil, false);
        }
    }

    private void rewriteContent(Canon c, Row r) {
        dropConfiscationIfGone(c, r);
        c.content = content(c);
        r.cells[11] = c.content;
    }

    // ---------------------------------------------------------------- invalid rows

    /** Each case adds one row (or two) with the reasons stated by hand from the SPEC. */
    private List<Runnable> invalidCases() {
        List<Runnable> cases = new ArrayList<>();
        cases.add(() -> invalid(c -> { }, (c, r) -> r.cells[2] = breakCheck(c.subject.uscc()),
                companySubject(), "INVALID_USCC:subject.uscc"));
        cases.add(() -> invalid(c -> { }, (c, r) -> r.cells[5] = breakCheck(c.subject.idNumber()),
                naturalPerson(CITIES[0], "ID_CARD"), "INVALID_ID_NUMBER:subject.idNumber"));
        cases.add(() -> invalid(c -> { }, (c, r) -> r.cells[5] = withCheck("33010219910230" + "123"),
                naturalPerson(CITIES[1], "ID_CARD"), "INVALID_ID_NUMBER:subject.idNumber")); // 1991-02-30
        cases.add(() -> invalid(c -> { }, (c, r) -> r.cells[15] = "2023/2/30", companySubject(),
                "BAD_DATE:data.decisionDate"));
        cases.add(() -> invalid(c -> { }, (c, r) -> r.cells[17] = "2025/13/1", companySubject(),
                "BAD_DATE:data.publicUntil")); // an impossible optional date still rejects
        cases.add(() -> invalid(c -> { }, (c, r) -> r.cells[16] = "长期", companySubject(),
                "BAD_DATE:data.validUntil")); // 长期 is only for license validTo
        cases.add(() -> invalid(c -> { }, (c, r) -> r.cells[15] = "2024-05-06", companySubject(),
                "BAD_DATE:data.decisionDate")); // not the node's pattern
        cases.add(() -> invalid(this::fined, (c, r) -> r.cells[12] = "-500", companySubject(),
                "BAD_AMOUNT:data.fineAmount"));
        cases.add(() -> invalid(this::fined, (c, r) -> r.cells[12] = "五千元", companySubject(),
                "BAD_AMOUNT:data.fineAmount"));
        cases.add(() -> invalid(this::fined, (c, r) -> r.cells[12] = "1,00", companySubject(),
                "BAD_AMOUNT:data.fineAmount")); // separators not in groups of three
        cases.add(() -> invalid(c -> { }, (c, r) -> r.cells[1] = "企业", companySubject(),
                "UNKNOWN_CODE:subject.category"));
        cases.add(() -> invalid(c -> { }, (c, r) -> r.cells[10] = r.cells[10] + "；限期整改", companySubject(),
                "UNKNOWN_CODE:data.penaltyTypes"));
        cases.add(() -> invalid(c -> { }, (c, r) -> r.cells[4] = "军官证", naturalPerson(CITIES[2], "ID_CARD"),
                "UNKNOWN_CODE:subject.idType"));
        cases.add(() -> invalid(c -> { }, (c, r) -> r.cells[0] = "", companySubject(),
                "MISSING_REQUIRED:subject.name"));
        cases.add(() -> invalid(c -> { }, (c, r) -> r.cells[2] = "", companySubject(),
                "MISSING_REQUIRED:subject.uscc"));
        cases.add(() -> invalid(c -> { }, (c, r) -> r.cells[8] = " \u3000 ", companySubject(),
                "MISSING_REQUIRED:data.violationFacts")); // white space only is absent
        cases.add(() -> invalid(this::fined, (c, r) -> r.cells[12] = "", companySubject(),
                "MISSING_REQUIRED:data.fineAmount")); // FINE without a fine amount
        cases.add(() -> invalid(c -> { }, (c, r) -> r.cells[5] = "", naturalPerson(CITIES[4], "ID_CARD"),
                "MISSING_REQUIRED:subject.idNumber"));
        cases.add(() -> invalid(c -> { }, (c, r) -> r.cells[2] = companies.get(5).uscc(),
                naturalPerson(CITIES[5], "ID_CARD"), "INVALID_USCC:subject.uscc")); // natural person with a USCC
        cases.add(() -> invalid(c -> { }, (c, r) -> r.cells[19] = breakCheck(c.authUscc), companySubject(),
                "INVALID_USCC:data.authority.uscc"));
        cases.add(() -> invalid(c -> { }, (c, r) -> r.cells[20] = "", companySubject(),
                "MISSING_REQUIRED:data.dataSource.name"));
        // several problems in one row: every reason, in canonical field order
        cases.add(() -> invalid(this::fined, (c, r) -> {
            r.cells[1] = "法人";
            r.cells[12] = "-1,000";
            r.cells[15] = "2024/02/30";
            r.cells[21] = "";
        }, companySubject(), "UNKNOWN_CODE:subject.category", "BAD_AMOUNT:data.fineAmount",
                "BAD_DATE:data.decisionDate", "MISSING_REQUIRED:data.dataSource.uscc"));
        // no decision number: rejected without a sourceKey
        cases.add(() -> invalidNoKey((c, r) -> r.cells[6] = "\u3000", "MISSING_REQUIRED:data.decisionNumber"));
        // duplicate decision numbers: exactly the same, and the same after clean-up
        cases.add(() -> duplicate(false));
        cases.add(() -> duplicate(true));
        cases.add(() -> invalid(c -> { }, (c, r) -> {
            r.cells[6] = validKeys.get(20);
            r.cells[15] = "2024/4/31";
        }, companySubject(), "BAD_DATE:data.decisionDate", "DUPLICATE_KEY"));
        // wrong column counts and a broken quote: MALFORMED_ROW and nothing else
        cases.add(() -> malformed(r -> r.rawLine = csvLine(r.cells) + ",多余的一列"));
        cases.add(() -> malformed(r -> r.rawLine = csvLine(Arrays.copyOf(r.cells, HEADER.length - 3))));
        cases.add(() -> malformed(r -> r.rawLine = csvLine(Arrays.copyOf(r.cells, 8))
                + ",\"引号后\"多了文字," + csvLine(Arrays.copyOfRange(r.cells, 9, HEADER.length))));
        return cases;
    }

    private interface Tweak {
        void apply(Canon c, Row r);
    }

    private void fined(Canon c) {
        if (c.fine == null) {
            c.types = new ArrayList<>(List.of("FINE"));
            c.fine = new BigDecimal("3000.00");
            c.content = content(c);
            c.publicUntil = c.decisionDate.plusYears(1);
        }
    }

    private void invalid(java.util.function.Consumer<Canon> prepare, Tweak tweak, Subject s, String... reasons) {
        Canon c = canon(s);
        prepare.accept(c);
        Row r = render(c);
        tweak.apply(c, r);
        reject(r, TextKey.of(r.cells[6]), reasons);
    }

    private void invalidNoKey(Tweak tweak, String reason) {
        Canon c = canon(companySubject());
        Row r = render(c);
        tweak.apply(c, r);
        reject(r, null, reason);
    }

    private void duplicate(boolean afterCleanUp) {
        Canon c = canon(companySubject());
        String earlier = validKeys.get(afterCleanUp ? 11 : 3);
        c.decisionNumber = earlier;
        Row r = render(c);
        if (afterCleanUp) {
            r.cells[6] = " " + fullWidth(earlier) + "\u200B";
        }
        reject(r, earlier, "DUPLICATE_KEY");
    }

    private void malformed(java.util.function.Consumer<Row> tweak) {
        Row r = render(canon(companySubject()));
        tweak.accept(r);
        r.rejectKey = null;
        r.reasons = List.of("MALFORMED_ROW");
        rows.add(r);
    }

    private Subject companySubject() {
        Subject s;
        do {
            s = companies.get(rnd.nextInt(companies.size()));
        } while (s.uscc().equals(SHARED_USCC)); // the shared subject's rows are all valid
        return s;
    }

    // ---------------------------------------------------------------- bookkeeping

    private void accept(Row r, Canon c) {
        String key = c.decisionNumber;
        if (!keys.add(key)) {
            throw new IllegalStateException("generator produced a duplicate key for a valid row: " + key);
        }
        validKeys.add(key);
        r.record = expected(c);
        rows.add(r);
    }

    private void reject(Row r, String key, String... reasons) {
        if (key != null && !keys.add(key) && !Arrays.asList(reasons).contains("DUPLICATE_KEY")) {
            throw new IllegalStateException("unplanned duplicate key " + key);
        }
        r.rejectKey = key;
        r.reasons = List.of(reasons);
        rows.add(r);
    }

    /** The canonical record as SPEC §2 writes it, built directly (not through the model classes). */
    private static ObjectNode expected(Canon c) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("recordId", recordId("ZJ", "penalty", c.decisionNumber));
        o.put("dataset", "penalty");
        o.put("source", "ZJ");
        o.put("sourceKey", c.decisionNumber);
        o.put("op", "UPSERT");
        ObjectNode s = o.putObject("subject");
        s.put("name", c.subject.name());
        s.put("category", c.subject.category());
        putIf(s, "uscc", c.subject.uscc());
        putIf(s, "legalRepresentative", c.subject.legalRep());
        putIf(s, "idType", c.subject.idType());
        putIf(s, "idNumber", c.subject.idNumber());
        ObjectNode d = o.putObject("data");
        d.put("decisionNumber", c.decisionNumber);
        putIf(d, "violationType", c.violationType);
        d.put("violationFacts", c.facts);
        d.put("legalBasis", c.basis);
        ArrayNode types = d.putArray("penaltyTypes");
        c.types.forEach(types::add);
        d.put("content", c.content);
        putIf(d, "fineAmount", c.fine == null ? null : c.fine.setScale(2, RoundingMode.UNNECESSARY).toPlainString());
        putIf(d, "confiscatedAmount", c.confiscated == null ? null
                : c.confiscated.setScale(2, RoundingMode.UNNECESSARY).toPlainString());
        putIf(d, "licenseAction", c.licenseAction);
        d.put("decisionDate", c.decisionDate.toString());
        putIf(d, "validUntil", c.validUntil == null ? null : c.validUntil.toString());
        putIf(d, "publicUntil", c.publicUntil == null ? null : c.publicUntil.toString());
        ObjectNode a = d.putObject("authority");
        a.put("name", c.authName);
        a.put("uscc", c.authUscc);
        ObjectNode ds = d.putObject("dataSource");
        ds.put("name", c.dsName);
        ds.put("uscc", c.dsUscc);
        putIf(d, "remark", c.remark);
        return o;
    }

    private static void putIf(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    /** SPEC recordId computed here with a plain MessageDigest, independent of RecordIds. */
    static String recordId(String source, String dataset, String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((source + "\n" + dataset + "\n" + key).getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                b.append(String.format("%02x", h[i]));
            }
            return b.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void write(Path root) throws IOException {
        StringBuilder csv = new StringBuilder("\uFEFF").append(csvLine(HEADER)).append("\r\n");
        StringBuilder recs = new StringBuilder();
        StringBuilder rejs = new StringBuilder();
        long n = 0;
        for (Row r : rows) {
            n++;
            csv.append(r.rawLine != null ? r.rawLine : csvLine(r.cells)).append("\r\n");
            if (r.record != null) {
                recs.append(Json.mapper().writeValueAsString(r.record)).append('\n');
            } else {
                ObjectNode j = Json.mapper().createObjectNode();
                j.put("row", n);
                putIf(j, "sourceKey", r.rejectKey);
                ArrayNode a = j.putArray("reasons");
                r.reasons.forEach(a::add);
                rejs.append(Json.mapper().writeValueAsString(j)).append('\n');
            }
        }
        Path sample = root.resolve("samples/ZJ/penalty.csv");
        Path expected = root.resolve("gateway/src/test/resources/expected/ZJ");
        Files.createDirectories(sample.getParent());
        Files.createDirectories(expected);
        Files.writeString(sample, csv, StandardCharsets.UTF_8);
        Files.writeString(expected.resolve("penalty.records.jsonl"), recs, StandardCharsets.UTF_8);
        Files.writeString(expected.resolve("penalty.rejects.jsonl"), rejs, StandardCharsets.UTF_8);
    }

    List<Row> rows() {
        return rows;
    }

    // ---------------------------------------------------------------- native rendering helpers

    static String csvLine(String[] cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            String v = cells[i] == null ? "" : cells[i];
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                b.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                b.append(v);
            }
        }
        return b.toString();
    }

    private static void set(Row r, int col, String v) {
        r.cells[col] = v == null ? "" : v;
    }

    private String date(LocalDate d, boolean padded) {
        return padded ? String.format("%d/%02d/%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth())
                : d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth();
    }

    private static String plainYuan(BigDecimal v) {
        return v.stripTrailingZeros().scale() <= 0 ? v.setScale(0, RoundingMode.UNNECESSARY).toPlainString()
                : v.toPlainString();
    }

    private static String grouped(BigDecimal v) {
        return String.format("%,.2f", v);
    }

    private static String categoryLabel(String code) {
        return switch (code) {
            case "LEGAL_ENTITY" -> "法人及非法人组织";
            case "NATURAL_PERSON" -> "自然人";
            default -> "个体工商户";
        };
    }

    private static String typeLabel(String code) {
        return switch (code) {
            case "WARNING" -> "警告";
            case "CRITICISM" -> "通报批评";
            case "FINE" -> "罚款";
            case "CONFISCATION" -> "没收违法所得";
            case "LICENSE_ACTION" -> "暂扣或者吊销许可证";
            case "SUSPENSION" -> "责令停产停业";
            case "DETENTION" -> "行政拘留";
            default -> "其他";
        };
    }

    static String fullWidth(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : c);
        }
        return b.toString();
    }

    private static String insertAt(String s, int at, String ins) {
        return s.substring(0, at) + ins + s.substring(at);
    }

    private static Subject withName(Subject s, String name) {
        return new Subject(name, s.category(), s.uscc(), s.legalRep(), s.idType(), s.idNumber(), s.city());
    }

    private static String[] city(String name) {
        for (String[] c : CITIES) {
            if (c[0].equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private String decisionNumber(String prefix, int year, String open, String close) {
        int n = decisionCounters.merge(prefix + year, 1 + rnd.nextInt(40), Integer::sum);
        return prefix + open + year + close + n + "号";
    }

    private String personName() {
        return SURNAMES[rnd.nextInt(SURNAMES.length)] + GIVEN[rnd.nextInt(GIVEN.length)]
                + (rnd.nextBoolean() ? GIVEN[rnd.nextInt(GIVEN.length)].substring(0, 1) : "");
    }

    private Subject company(String[] city, boolean withParentheses) {
        String district = city[3 + 2 * rnd.nextInt(3)];
        String name = city[0] + TRADE_NAMES[rnd.nextInt(TRADE_NAMES.length)] + TRADE_NAMES[rnd.nextInt(TRADE_NAMES.length)]
                .charAt(0) + INDUSTRIES[rnd.nextInt(INDUSTRIES.length)];
        if (withParentheses) {
            name = name.replace("有限公司", "（" + city[0] + "）有限公司");
        }
        return new Subject(name, "LEGAL_ENTITY", uscc("91" + district + randomChars(9)), personName(), null, null,
                city[0]);
    }

    private Subject individualBusiness(String[] city, boolean withoutUscc) {
        int d = rnd.nextInt(3);
        String owner = personName();
        String name = city[0] + "市" + city[4 + 2 * d] + owner.charAt(0) + "记" + SHOPS[rnd.nextInt(SHOPS.length)];
        String uscc = withoutUscc ? null : uscc("92" + city[3 + 2 * d] + "MA" + randomChars(7));
        return new Subject(name, "INDIVIDUAL_BUSINESS", uscc, owner, null, null, city[0]);
    }

    private Subject naturalPerson(String[] city, String idType) {
        String id;
        if (idType.equals("ID_CARD")) {
            LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(rnd.nextInt(15000));
            id = withCheck(city[3] + birth.toString().replace("-", "") + String.format("%03d", rnd.nextInt(1000)));
        } else {
            id = "E" + (10_000_000 + rnd.nextInt(89_999_999));
        }
        return new Subject(personName(), "NATURAL_PERSON", null, null, idType, id, city[0]);
    }

    private String randomChars(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i < 2 || rnd.nextInt(3) > 0 ? (char) ('0' + rnd.nextInt(10))
                    : Uscc.CHARSET.charAt(10 + rnd.nextInt(Uscc.CHARSET.length() - 10)));
        }
        return b.toString();
    }

    private static String uscc(String first17) {
        return first17 + Uscc.checkChar(first17);
    }

    private static String agencyUscc(String cityCode, int agency) {
        String first17 = "11" + cityCode + "00" + (2600000 + Integer.parseInt(cityCode) % 1000 * 10 + agency);
        return uscc(first17.substring(0, 17));
    }

    static String withCheck(String first17) {
        return first17 + ResidentId.checkChar(first17);
    }

    /** The same code with a wrong check character. */
    static String breakCheck(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == '0' ? '1' : '0');
    }

    /** The sourceKey a native decision number becomes (hand-written rules 1 and 2 of SPEC §2). */
    static final class TextKey {
        static String of(String nativeValue) {
            StringBuilder b = new StringBuilder();
            for (char c : nativeValue.toCharArray()) {
                if (c >= '\uFF01' && c <= '\uFF5E') {
                    c = (char) (c - 0xFEE0);
                }
                if (!Character.isWhitespace(c) && c != '\u3000' && c != '\u200B' && c != '\u00A0') {
                    b.append(c);
                }
            }
            return b.length() == 0 ? null : b.toString();
        }
    }
}
