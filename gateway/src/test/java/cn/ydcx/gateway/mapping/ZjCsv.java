package cn.ydcx.gateway.mapping;

import cn.ydcx.gateway.validation.ResidentId;
import cn.ydcx.gateway.validation.Uscc;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds small ZJ penalty CSV files: a valid base row with chosen cells replaced. */
final class ZjCsv {
    static final String AUTHORITY_USCC = "11330100002601000" + Uscc.checkChar("11330100002601000");
    static final String PERSON_ID = "33010619850312" + "123" + ResidentId.checkChar("33010619850312123");
    private final StringBuilder text = new StringBuilder("\uFEFF" + ZjPenaltySampleGenerator.csvLine(
            ZjPenaltySampleGenerator.HEADER) + "\r\n");
    private int next = 1;

    static Map<String, String> base() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String h : ZjPenaltySampleGenerator.HEADER) {
            m.put(h, "");
        }
        m.put("行政相对人名称", "嘉兴禾润新材料科技有限公司");
        m.put("行政相对人类别", "法人及非法人组织");
        m.put("统一社会信用代码", "913304007429141869");
        m.put("法定代表人", "沈国平");
        m.put("违法行为类型", "虚假宣传");
        m.put("违法事实", "当事人发布虚假广告。");
        m.put("处罚依据", "《中华人民共和国广告法》第五十五条");
        m.put("处罚类别", "罚款");
        m.put("处罚内容", "罚款人民币2000元");
        m.put("罚款金额（元）", "2000");
        m.put("处罚决定日期", "2025/3/7");
        m.put("处罚机关", "杭州市市场监督管理局");
        m.put("处罚机关统一社会信用代码", AUTHORITY_USCC);
        m.put("数据来源单位", "杭州市市场监督管理局");
        m.put("数据来源单位统一社会信用代码", AUTHORITY_USCC);
        return m;
    }

    /** A row from the base with the given header → value replacements (key number is automatic). */
    ZjCsv row(String... replacements) {
        Map<String, String> m = base();
        m.put("行政处罚决定书文号", "杭市监罚〔2025〕" + next++ + "号");
        for (int i = 0; i < replacements.length; i += 2) {
            if (!m.containsKey(replacements[i])) {
                throw new IllegalArgumentException("no column " + replacements[i]);
            }
            m.put(replacements[i], replacements[i + 1]);
        }
        text.append(ZjPenaltySampleGenerator.csvLine(m.values().toArray(new String[0]))).append("\r\n");
        return this;
    }

    ZjCsv raw(String line) {
        text.append(line).append("\r\n");
        return this;
    }

    byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String[] cells(Map<String, String> m) {
        return m.values().toArray(new String[0]);
    }

    static String baseLine(String... extra) {
        String[] cells = cells(base());
        cells[6] = "杭市监罚〔2025〕999号";
        String[] all = Arrays.copyOf(cells, cells.length + extra.length);
        System.arraycopy(extra, 0, all, cells.length, extra.length);
        return ZjPenaltySampleGenerator.csvLine(all);
    }
}
