package cn.ydcx.gateway.samples;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The native layouts of SPEC §3 as the sample generator writes them, stated here independently of
 * the mapping files (the golden tests then check that the mappings read what the SPEC describes):
 * column / key / element names per node and dataset, date patterns, amount units and code labels.
 */
final class NativeLayout {
    enum Node { SH, JS, ZJ, AH }

    enum Ds {
        LICENSE("license", "XZXK"), PENALTY("penalty", "XZCF"), DISHONESTY("dishonesty", "YZSX"), REPORT("report", "XYBG");

        final String code;
        final String xmlRoot;

        Ds(String code, String xmlRoot) {
            this.code = code;
            this.xmlRoot = xmlRoot;
        }
    }

    /** AH penalty types come from two columns (SPEC §3: CF_CFLB1, CF_CFLB2, one label each). */
    static final String AH_TYPES_1 = "CF_CFLB1";
    static final String AH_TYPES_2 = "CF_CFLB2";

    // canonical path | SH | JS | ZJ | AH   ("-" = the node has no such column), SPEC §3 verbatim
    private static final String PENALTY = """
            subject.name | subjectName | CF_XDR_MC | 行政相对人名称 | CF_XDR_MC
            subject.category | subjectCategory | CF_XDR_LB | 行政相对人类别 | CF_XDR_LB
            subject.uscc | uscc | CF_XDR_SHXYM | 统一社会信用代码 | CF_XDR_SHXYM
            subject.legalRepresentative | legalRepresentative | CF_FRDB | 法定代表人 | CF_FR
            subject.idType | idType | CF_XDR_ZJLX | 证件类型 | CF_XDR_ZJLX
            subject.idNumber | idNumber | CF_XDR_ZJHM | 证件号码 | CF_XDR_SFZ
            data.decisionNumber | decisionNumber | CF_WSH | 行政处罚决定书文号 | CF_WSH
            data.violationType | violationType | CF_WFXW | 违法行为类型 | CF_CFMC
            data.violationFacts | violationFacts | CF_SY | 违法事实 | CF_SY
            data.legalBasis | legalBasis | CF_YJ | 处罚依据 | CF_YJ
            data.penaltyTypes | penaltyTypes | CF_CFLB | 处罚类别 | CF_CFLB1+CF_CFLB2
            data.content | content | CF_NR | 处罚内容 | CF_JG
            data.fineAmount | fineAmountYuan | CF_NR_FK | 罚款金额（元） | CF_FKJE
            data.confiscatedAmount | confiscatedAmountYuan | CF_NR_WFFF | 没收违法所得金额（元） | CF_MSJE
            data.licenseAction | licenseAction | CF_NR_ZKDX | 暂扣或吊销证照名称及编号 | -
            data.decisionDate | decisionDate | CF_JDRQ | 处罚决定日期 | CF_JDRQ
            data.validUntil | validUntil | CF_YXQ | 处罚有效期 | -
            data.publicUntil | publicUntil | CF_GSJZQ | 公示截止期 | -
            data.authority.name | authorityName | CF_CFJG | 处罚机关 | CF_XZJG
            data.authority.uscc | authorityUscc | CF_CFJGDM | 处罚机关统一社会信用代码 | CF_XZJGDM
            data.dataSource.name | dataSourceName | CF_SJLY | 数据来源单位 | CF_SJLY
            data.dataSource.uscc | dataSourceUscc | CF_SJLYDM | 数据来源单位统一社会信用代码 | CF_SJLYDM
            data.remark | remark | BZ | 备注 | BZ
            """;
    private static final String LICENSE = """
            subject.name | subjectName | XK_XDR_MC | 行政相对人名称 | XK_XDR
            subject.category | subjectCategory | XK_XDR_LB | 行政相对人类别 | XK_XDR_LB
            subject.uscc | uscc | XK_XDR_SHXYM | 统一社会信用代码 | XK_XDR_SHXYM
            subject.legalRepresentative | legalRepresentative | XK_FRDB | 法定代表人 | XK_FR
            subject.idType | idType | XK_XDR_ZJLX | 证件类型 | XK_XDR_ZJLX
            subject.idNumber | idNumber | XK_XDR_ZJHM | 证件号码 | XK_XDR_SFZ
            data.decisionNumber | decisionNumber | XK_WSH | 行政许可决定文书号 | XK_WSH
            data.documentName | documentName | XK_XKWS | 行政许可决定文书名称 | XK_XMMC
            data.category | category | XK_XKLB | 许可类别 | XK_SPLB
            data.licenseName | licenseName | XK_XKZS | 许可证书名称 | XK_ZSMC
            data.licenseNumber | licenseNumber | XK_XKBH | 许可编号 | XK_XKBH
            data.content | content | XK_NR | 许可内容 | XK_NR
            data.decisionDate | decisionDate | XK_JDRQ | 许可决定日期 | XK_JDRQ
            data.validFrom | validFrom | XK_YXQZ | 有效期自 | XK_YXQZ
            data.validTo | validTo | XK_YXQZI | 有效期至 | XK_JZQ
            data.authority.name | authorityName | XK_XKJG | 许可机关 | XK_XZJG
            data.authority.uscc | authorityUscc | XK_XKJGDM | 许可机关统一社会信用代码 | XK_XZJGDM
            data.dataSource.name | dataSourceName | XK_LYDW | 数据来源单位 | XK_SJLY
            data.dataSource.uscc | dataSourceUscc | XK_LYDWDM | 数据来源单位统一社会信用代码 | XK_SJLYDM
            data.status | status | XK_ZT | 当前状态 | XK_ZT
            data.remark | remark | BZ | 备注 | BZ
            """;
    private static final String DISHONESTY = """
            subject.name | subjectName | SX_XDR_MC | 行政相对人名称 | SX_XDR_MC
            subject.category | subjectCategory | SX_XDR_LB | 行政相对人类别 | SX_XDR_LB
            subject.uscc | uscc | SX_XDR_SHXYM | 统一社会信用代码 | SX_XDR_SHXYM
            subject.legalRepresentative | legalRepresentative | SX_FRDB | 法定代表人 | SX_FR
            subject.idType | idType | SX_XDR_ZJLX | 证件类型 | SX_XDR_ZJLX
            subject.idNumber | idNumber | SX_XDR_ZJHM | 证件号码 | SX_XDR_SFZ
            data.listType | listType | SX_MDLX | 名单类型 | SX_MDLX
            data.domain | domain | SX_LY | 领域 | SX_LY
            data.decisionNumber | decisionNumber | SX_RDWH | 认定文书号 | SX_RDWH
            data.reason | reason | SX_LRSY | 列入事由 | SX_LRSY
            data.basis | basis | SX_RDYJ | 认定依据 | SX_RDYJ
            data.authority.name | authorityName | SX_RDBM | 认定部门 | SX_RDBM
            data.authority.uscc | authorityUscc | SX_RDBMDM | 认定部门统一社会信用代码 | SX_RDBMDM
            data.listedOn | listedOn | SX_LRRQ | 列入日期 | SX_LRRQ
            data.expiresOn | expiresOn | SX_YXQZ | 有效期至 | SX_YXQZ
            data.status | status | SX_ZT | 状态 | SX_ZT
            data.removedOn | removedOn | SX_YCRQ | 移出日期 | SX_YCRQ
            data.removalReason | removalReason | SX_YCYY | 移出原因 | SX_YCYY
            """;
    private static final String REPORT = """
            subject.name | subjectName | BG_XDR_MC | 主体名称 | BG_XDR_MC
            subject.category | subjectCategory | BG_XDR_LB | 主体类别 | BG_XDR_LB
            subject.uscc | uscc | BG_XDR_SHXYM | 统一社会信用代码 | BG_XDR_SHXYM
            data.reportNumber | reportNumber | BG_BGBH | 报告编号 | BG_BGBH
            data.agency.name | agencyName | BG_JGMC | 信用服务机构名称 | BG_JGMC
            data.agency.uscc | agencyUscc | BG_JGDM | 信用服务机构统一社会信用代码 | BG_JGDM
            data.rating | rating | BG_XYDJ | 信用等级 | BG_XYDJ
            data.ratingDate | ratingDate | BG_PJRQ | 评级日期 | BG_PJRQ
            data.validUntil | validUntil | BG_YXQZ | 有效期至 | BG_YXQZ
            data.purpose | purpose | BG_YT | 报告用途 | BG_YT
            data.summary | summary | BG_ZY | 报告摘要 | BG_ZY
            data.documentSha256 | documentSha256 | BG_WJZY | 报告文件SHA256 | BG_WJZY
            """;

    /** dataset → canonical path (canonical order) → native name per node (null = none). */
    private static final Map<Ds, Map<String, String[]>> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put(Ds.PENALTY, parse(PENALTY));
        TABLES.put(Ds.LICENSE, parse(LICENSE));
        TABLES.put(Ds.DISHONESTY, parse(DISHONESTY));
        TABLES.put(Ds.REPORT, parse(REPORT));
    }

    private NativeLayout() {
    }

    private static Map<String, String[]> parse(String table) {
        Map<String, String[]> m = new LinkedHashMap<>();
        for (String line : table.strip().split("\n")) {
            String[] p = line.split("\\|");
            String[] names = new String[4];
            for (int i = 0; i < 4; i++) {
                String n = p[i + 1].strip();
                names[i] = n.equals("-") ? null : n;
            }
            m.put(p[0].strip(), names);
        }
        return m;
    }

    /** Canonical paths of a dataset in canonical order. */
    static List<String> paths(Ds ds) {
        return List.copyOf(TABLES.get(ds).keySet());
    }

    /** The native name of a canonical path, or null when the node has no such column. */
    static String column(Node node, Ds ds, String path) {
        String[] names = TABLES.get(ds).get(path);
        if (names == null) {
            throw new IllegalArgumentException(ds + " has no field " + path);
        }
        return names[node.ordinal()];
    }

    /** Native columns in file order (AH penalty types as two columns). */
    static List<String> columns(Node node, Ds ds) {
        List<String> out = new ArrayList<>();
        for (String[] names : TABLES.get(ds).values()) {
            String n = names[node.ordinal()];
            if (n == null) {
                continue;
            }
            if (n.contains("+")) {
                out.addAll(List.of(n.split("\\+")));
            } else {
                out.add(n);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- field kinds and code lists

    static boolean isDate(String path) {
        return switch (path) {
            case "data.decisionDate", "data.validUntil", "data.publicUntil", "data.validFrom", "data.validTo",
                 "data.listedOn", "data.expiresOn", "data.removedOn", "data.ratingDate" -> true;
            default -> false;
        };
    }

    static boolean isAmount(String path) {
        return path.equals("data.fineAmount") || path.equals("data.confiscatedAmount");
    }

    /** The code list of a coded path (by dataset for data.status), or null. */
    static String codeList(Ds ds, String path) {
        return switch (path) {
            case "subject.category" -> "subjectCategory";
            case "subject.idType" -> "idType";
            case "data.penaltyTypes" -> "penaltyType";
            case "data.category" -> "licenseCategory";
            case "data.status" -> ds == Ds.LICENSE ? "licenseStatus" : "dishonestyStatus";
            case "data.listType" -> "listType";
            case "data.domain" -> "domain";
            case "data.removalReason" -> "removalReason";
            case "data.rating" -> "rating";
            case "data.purpose" -> "reportPurpose";
            default -> null;
        };
    }

    private static final Map<String, Map<String, String>> LABELS = new LinkedHashMap<>();

    static {
        labels("subjectCategory", "LEGAL_ENTITY", "法人及非法人组织", "NATURAL_PERSON", "自然人",
                "INDIVIDUAL_BUSINESS", "个体工商户");
        labels("idType", "ID_CARD", "身份证", "PASSPORT", "护照", "HK_MACAO_PASS", "港澳居民来往内地通行证",
                "TAIWAN_PASS", "台湾居民来往大陆通行证", "FOREIGN_PERMANENT_RESIDENT", "外国人永久居留身份证", "OTHER", "其他");
        labels("penaltyType", "WARNING", "警告", "CRITICISM", "通报批评", "FINE", "罚款", "CONFISCATION", "没收违法所得",
                "LICENSE_ACTION", "暂扣或者吊销许可证", "SUSPENSION", "责令停产停业", "DETENTION", "行政拘留", "OTHER", "其他");
        labels("licenseCategory", "GENERAL", "普通", "FRANCHISE", "特许", "RECOGNITION", "认可", "APPROVAL", "核准",
                "REGISTRATION", "登记", "OTHER", "其他");
        labels("licenseStatus", "VALID", "有效", "INVALID", "无效");
        labels("listType", "SERIOUS_DISHONESTY", "严重失信", "RED", "红名单");
        labels("domain", "ENVIRONMENT", "生态环境", "TOURISM", "旅游", "FOOD_DRUG", "食品药品", "PRODUCT_QUALITY", "产品质量",
                "TAX", "税务", "COURT", "司法", "SAFETY", "安全生产", "PROCUREMENT", "政府采购", "OTHER", "其他");
        labels("dishonestyStatus", "ACTIVE", "在列", "REMOVED", "已移出");
        labels("removalReason", "REPAIRED", "信用修复", "EXPIRED", "期满", "CORRECTED", "异议更正", "OTHER", "其他");
        labels("rating", "AAA", "AAA", "AA", "AA", "A", "A", "BBB", "BBB", "BB", "BB", "B", "B", "CCC", "CCC", "CC", "CC",
                "C", "C");
        labels("reportPurpose", "BIDDING", "招投标", "FINANCING", "融资", "AWARD", "评优", "OTHER", "其他");
    }

    private static void labels(String list, String... codeLabel) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < codeLabel.length; i += 2) {
            m.put(codeLabel[i], codeLabel[i + 1]);
        }
        LABELS.put(list, m);
    }

    /** How node N writes a code: SH the code itself, AH numbers for category and ID type, else the label. */
    static String label(Node node, String list, String code) {
        if (node == Node.SH) {
            return code;
        }
        if (node == Node.AH && list.equals("subjectCategory")) {
            return switch (code) {
                case "LEGAL_ENTITY" -> "1";
                case "NATURAL_PERSON" -> "2";
                default -> "3";
            };
        }
        if (node == Node.AH && list.equals("idType")) {
            return switch (code) {
                case "ID_CARD" -> "1";
                case "PASSPORT" -> "2";
                case "HK_MACAO_PASS" -> "3";
                case "TAIWAN_PASS" -> "4";
                case "FOREIGN_PERMANENT_RESIDENT" -> "5";
                default -> "9";
            };
        }
        String l = LABELS.get(list).get(code);
        if (l == null) {
            throw new IllegalArgumentException(list + " has no code " + code);
        }
        return l;
    }

    // ---------------------------------------------------------------- dates and amounts

    /** A date in the node's pattern (SH, JS yyyy-MM-dd; ZJ yyyy/M/d; AH yyyyMMdd). */
    static String date(Node node, LocalDate d) {
        return date(node, d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    /** Also for impossible dates (2023-02-30), written the node's way without checking. */
    static String date(Node node, int y, int m, int d) {
        return switch (node) {
            case SH, JS -> String.format("%04d-%02d-%02d", y, m, d);
            case ZJ -> y + "/" + m + "/" + d;
            case AH -> String.format("%04d%02d%02d", y, m, d);
        };
    }

    /** The pattern a node does NOT use, for "wrong date pattern" rejects. */
    static String foreignDate(Node node, int y, int m, int d) {
        return node == Node.SH || node == Node.JS ? y + "/" + m + "/" + d : String.format("%04d-%02d-%02d", y, m, d);
    }

    /** Native amount text: yuan for SH and ZJ, 万元 for JS and AH (exact, no trailing zeros). */
    static String amount(Node node, BigDecimal yuan) {
        BigDecimal v = node == Node.JS || node == Node.AH ? yuan.movePointLeft(4) : yuan;
        v = v.stripTrailingZeros();
        if (v.scale() < 0) {
            v = v.setScale(0);
        }
        return v.toPlainString();
    }
}
