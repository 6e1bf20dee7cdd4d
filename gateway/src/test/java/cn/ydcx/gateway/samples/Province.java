package cn.ydcx.gateway.samples;

import cn.ydcx.gateway.samples.NativeLayout.Node;
import cn.ydcx.gateway.validation.Uscc;
import java.util.List;

/** Place names, authorities and local wording of one province, for realistic sample content. */
record Province(Node node, String name, String abbr, String code, String place, List<City> cities,
                String creditCentre, String samrWithParens, String garbageLaw, String courtPrefix,
                List<String[]> agencies) {

    /**
     * A city (for SH: a district). {@code full} prefixes authority names (上海市浦东新区, 南京市),
     * {@code place} starts company names, {@code abbr} starts decision numbers (沪浦, 宁, 杭, 皖合).
     */
    record City(String full, String place, String abbr, String code) {
    }

    /** Authority kinds: name suffix and decision-number abbreviation. */
    static final String[][] KINDS = {
        {"市场监督管理局", "市监"}, {"生态环境局", "环"}, {"应急管理局", "应急"}, {"综合行政执法局", "综执"},
        {"交通运输局", "交运"}, {"税务局", "税"}, {"人民法院", "法"}, {"财政局", "财"}, {"文化和旅游局", "文旅"},
    };
    static final int SAMR = 0;
    static final int ENV = 1;
    static final int SAFETY = 2;
    static final int URBAN = 3;
    static final int TRANSPORT = 4;
    static final int TAX = 5;
    static final int COURT = 6;
    static final int FINANCE = 7;
    static final int TOURISM = 8;

    static Province of(Node node) {
        return switch (node) {
            case SH -> new Province(node, "上海市", "沪", "310000", "上海", List.of(
                    new City("上海市浦东新区", "上海", "沪浦", "310115"), new City("上海市黄浦区", "上海", "沪黄", "310101"),
                    new City("上海市徐汇区", "上海", "沪徐", "310104"), new City("上海市静安区", "上海", "沪静", "310106"),
                    new City("上海市闵行区", "上海", "沪闵", "310112"), new City("上海市宝山区", "上海", "沪宝", "310113"),
                    new City("上海市嘉定区", "上海", "沪嘉", "310114"), new City("上海市松江区", "上海", "沪松", "310117")),
                    "上海市公共信用信息服务中心", "上海市市场监督管理局（上海市知识产权局）",
                    "《上海市生活垃圾管理条例》第五十八条第二款", "沪", List.of(
                    new String[] {"上海新诚信资信评估有限公司", "XCX"}, new String[] {"上海立信联合信用评级有限公司", "LXLH"},
                    new String[] {"中诚恒信（上海）信用管理有限公司", "ZCHX-SH"}));
            case JS -> new Province(node, "江苏省", "苏", "320000", null, List.of(
                    new City("南京市", "南京", "宁", "320100"), new City("无锡市", "无锡", "锡", "320200"),
                    new City("徐州市", "徐州", "徐", "320300"), new City("常州市", "常州", "常", "320400"),
                    new City("苏州市", "苏州", "苏", "320500"), new City("南通市", "南通", "通", "320600"),
                    new City("扬州市", "扬州", "扬", "321000"), new City("镇江市", "镇江", "镇", "321100")),
                    "江苏省公共信用信息中心", "江苏省市场监督管理局（江苏省知识产权局）",
                    "《江苏省城乡生活垃圾管理条例》第六十二条", "苏", List.of(
                    new String[] {"江苏苏信信用评估有限公司", "SXPG"}, new String[] {"南京金陵资信评估有限公司", "JLZX"},
                    new String[] {"中诚恒信（江苏）信用管理有限公司", "ZCHX-JS"}));
            case ZJ -> new Province(node, "浙江省", "浙", "330000", null, List.of(
                    new City("杭州市", "杭州", "杭", "330100"), new City("宁波市", "宁波", "甬", "330200"),
                    new City("温州市", "温州", "温", "330300"), new City("嘉兴市", "嘉兴", "嘉", "330400"),
                    new City("湖州市", "湖州", "湖", "330500"), new City("绍兴市", "绍兴", "绍", "330600"),
                    new City("金华市", "金华", "金", "330700"), new City("台州市", "台州", "台", "331000")),
                    "浙江省信用中心", "浙江省市场监督管理局（浙江省知识产权局）",
                    "《浙江省生活垃圾管理条例》第七十条第一款", "浙", List.of(
                    new String[] {"浙江之江资信评估有限公司", "ZJZX"}, new String[] {"杭州联合信用评价有限公司", "HZLH"},
                    new String[] {"中诚恒信（浙江）信用管理有限公司", "ZCHX-ZJ"}));
            case AH -> new Province(node, "安徽省", "皖", "340000", null, List.of(
                    new City("合肥市", "合肥", "皖合", "340100"), new City("芜湖市", "芜湖", "皖芜", "340200"),
                    new City("蚌埠市", "蚌埠", "皖蚌", "340300"), new City("马鞍山市", "马鞍山", "皖马", "340500"),
                    new City("安庆市", "安庆", "皖宜", "340800"), new City("黄山市", "黄山", "皖黄", "341000"),
                    new City("滁州市", "滁州", "皖滁", "341100"), new City("阜阳市", "阜阳", "皖阜", "341200")),
                    "安徽省信用信息中心", "安徽省市场监督管理局（安徽省知识产权局）",
                    "《安徽省城市市容和环境卫生管理条例》第四十一条", "皖", List.of(
                    new String[] {"安徽徽信资信评估有限公司", "HXPG"}, new String[] {"合肥诚达信用管理有限公司", "HFCD"},
                    new String[] {"中诚恒信（安徽）信用管理有限公司", "ZCHX-AH"}));
        };
    }

    String authorityName(City c, int kind) {
        if (kind == TAX) {
            return "国家税务总局" + c.full() + "税务局";
        }
        if (kind == COURT && node != Node.SH) {
            return c.full() + "中级人民法院";
        }
        if (kind == URBAN && node == Node.SH) {
            return c.full() + "城市管理行政执法局";
        }
        return c.full() + KINDS[kind][0];
    }

    static String authorityUscc(City c, int kind) {
        int serial = Math.floorMod(Integer.parseInt(c.code()) * 131 + kind * 7919, 10_000_000);
        String first17 = "11" + c.code() + (kind == COURT ? "00" : "MB") + String.format("%07d", serial);
        return first17 + Uscc.checkChar(first17);
    }

    /** The province-level credit centre (a public institution, USCC class 12). */
    String creditCentreUscc() {
        String first17 = "12" + code + "MB" + String.format("%07d", Integer.parseInt(code) / 10 + 4417);
        return first17 + Uscc.checkChar(first17);
    }

    String samrUscc() {
        String first17 = "11" + code + "MB" + String.format("%07d", Integer.parseInt(code) / 100 + 1250);
        return first17 + Uscc.checkChar(first17);
    }

    /** A credit agency's USCC (class 91, registered in this province). */
    String agencyUscc(String name) {
        String first17 = "91" + code.substring(0, 2) + "0100" + "MA1"
                + String.format("%06d", Math.floorMod(name.hashCode() * 31, 1_000_000));
        return first17 + Uscc.checkChar(first17);
    }
}
