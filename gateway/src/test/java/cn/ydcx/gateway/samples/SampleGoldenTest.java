package cn.ydcx.gateway.samples;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every shipped AH and ZJ sample normalises to exactly the expected records and rejects (ZJ
 * penalty: ZjPenaltySampleTest). SH and JS: {@link ShJsSampleGoldenTest}.
 */
class SampleGoldenTest {

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
        "AH, license, txt", "AH, penalty, txt", "AH, dishonesty, txt", "AH, report, txt",
        "ZJ, license, csv", "ZJ, dishonesty, csv", "ZJ, report, csv",
    })
    void normalisesToTheExpectedRecordsAndRejects(String node, String dataset, String ext) throws IOException {
        GoldenCheck.check(node, dataset, ext);
    }
}
