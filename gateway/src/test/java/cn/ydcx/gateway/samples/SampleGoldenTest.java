package cn.ydcx.gateway.samples;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every shipped sample normalises to exactly the expected records and rejects, in order, with
 * the right summary (ZJ penalty: ZjPenaltySampleTest).
 */
class SampleGoldenTest {

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
        "SH, license, jsonl", "SH, penalty, jsonl", "SH, dishonesty, jsonl", "SH, report, jsonl",
        "JS, license, xml", "JS, penalty, xml", "JS, dishonesty, xml", "JS, report, xml",
        "ZJ, license, csv", "ZJ, dishonesty, csv", "ZJ, report, csv",
        "AH, license, txt", "AH, penalty, txt", "AH, dishonesty, txt", "AH, report, txt",
    })
    void normalisesToTheExpectedRecordsAndRejects(String node, String dataset, String ext) throws IOException {
        GoldenCheck.check(node, dataset, ext);
    }
}
