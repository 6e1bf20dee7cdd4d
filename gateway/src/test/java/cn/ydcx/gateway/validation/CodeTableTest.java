package cn.ydcx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.model.CodeList;
import cn.ydcx.gateway.model.IdType;
import cn.ydcx.gateway.model.PenaltyType;
import org.junit.jupiter.api.Test;

class CodeTableTest {

    @Test
    void labelsArePrefixesOnlyWhereDeclared() {
        CodeTable.Builder b = new CodeTable.Builder(CodeList.PENALTY_TYPE);
        b.label("罚款", PenaltyType.FINE);
        b.label("其他", PenaltyType.OTHER);
        b.prefix("其他-", PenaltyType.OTHER);
        CodeTable t = b.build();
        assertThat(t.lookup("罚款")).isEqualTo(PenaltyType.FINE);
        assertThat(t.lookup("其他")).isEqualTo(PenaltyType.OTHER);
        assertThat(t.lookup("其他-责令改正")).isEqualTo(PenaltyType.OTHER);
        assertThat(t.lookup("其他-")).isNull(); // prefix needs text after it
        assertThat(t.lookup("罚款金")).isNull();
    }

    @Test
    void labelsAreStoredCleanedAndConflictsReported() {
        CodeTable.Builder b = new CodeTable.Builder(CodeList.ID_TYPE);
        assertThat(b.label(" 身份证\u3000", IdType.ID_CARD)).isNull();
        assertThat(b.label("身份证", IdType.PASSPORT)).isEqualTo(IdType.ID_CARD);
    }

    @Test
    void canonicalTableUsesTheCodesThemselves() {
        CodeTable t = CodeTable.canonical(CodeList.ID_TYPE);
        assertThat(t.lookup("HK_MACAO_PASS")).isEqualTo(IdType.HK_MACAO_PASS);
        assertThat(t.lookup("身份证")).isNull();
        assertThat(t.lookup("id_card")).isNull();
    }
}
