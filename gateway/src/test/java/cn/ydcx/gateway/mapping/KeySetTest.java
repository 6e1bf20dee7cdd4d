package cn.ydcx.gateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.model.RecordIds;
import org.junit.jupiter.api.Test;

class KeySetTest {

    @Test
    void detectsRepeatsAcrossManyGrowths() {
        KeySet set = new KeySet();
        for (int i = 0; i < 200_000; i++) {
            assertThat(set.add(RecordIds.digest16(NodeCode.ZJ, Dataset.PENALTY, "k" + i))).isTrue();
        }
        for (int i = 0; i < 200_000; i += 997) {
            assertThat(set.add(RecordIds.digest16(NodeCode.ZJ, Dataset.PENALTY, "k" + i))).as("k" + i).isFalse();
        }
        assertThat(set.add(RecordIds.digest16(NodeCode.ZJ, Dataset.PENALTY, "k200000"))).isTrue();
        assertThat(set.size()).isEqualTo(200_001);
    }
}
