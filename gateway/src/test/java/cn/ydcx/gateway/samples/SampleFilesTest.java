package cn.ydcx.gateway.samples;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.model.CanonicalSchema;
import cn.ydcx.gateway.samples.NativeLayout.Ds;
import cn.ydcx.gateway.samples.NativeLayout.Node;
import cn.ydcx.gateway.samples.SampleGenerator.Sample;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed samples, expected outputs and samples/README.md are exactly what the generator
 * writes; the encodings are real; every sample has the required size and mix. With
 * {@code -Dsamples.regenerate=true} this test rewrites the files instead (run from the repo root).
 */
class SampleFilesTest {
    static List<Sample> samples;

    @BeforeAll
    static void generate() throws IOException {
        samples = SampleGenerator.all();
        if (Boolean.getBoolean("samples.regenerate")) {
            SampleGenerator.main(new String[] {"."});
        }
    }

    static Stream<Sample> samples() {
        return SampleGenerator.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void committedFilesMatchTheGenerator(Sample s) throws IOException {
        assertThat(Files.readAllBytes(s.samplePath()))
                .as(s.samplePath() + " is stale: rerun with -Dsamples.regenerate=true").isEqualTo(s.bytes());
        Path expected = GoldenCheck.EXPECTED.resolve(s.node().name());
        assertThat(Files.readString(expected.resolve(s.ds().code + ".records.jsonl"))).as("records of " + s)
                .isEqualTo(s.recordsJsonl());
        assertThat(Files.readString(expected.resolve(s.ds().code + ".rejects.jsonl"))).as("rejects of " + s)
                .isEqualTo(s.rejectsJsonl());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyExpectedRecordConformsToTheSchema(Sample s) {
        for (SampleRow r : s.rows()) {
            if (r.expected != null) {
                assertThat(CanonicalSchema.validate(r.expected)).as(r.expected.toString()).isEmpty();
            }
        }
    }

    @Test
    void readmeMatchesTheGenerator() throws IOException {
        assertThat(Files.readString(Path.of("samples/README.md"))).isEqualTo(SamplesReadme.text(samples));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sizeAndMix(Sample s) {
        int rows = s.rows().size();
        long hardOrInvalid = s.rows().stream().filter(r -> !r.notes.isEmpty()).count();
        long rejected = rows - s.accepted();
        assertThat(rows).isBetween(60, 90);
        assertThat(hardOrInvalid).as("rows exercising a hard case").isGreaterThanOrEqualTo(rows / 4);
        assertThat(rejected).as("invalid rows").isBetween((long) rows / 10, (long) rows / 4);
        String reasons = String.join(" ", s.rows().stream().filter(r -> r.reasons != null)
                .flatMap(r -> r.reasons.stream()).toList());
        assertThat(reasons).contains("MISSING_REQUIRED:", "INVALID_USCC:", "BAD_DATE:", "UNKNOWN_CODE:", "DUPLICATE_KEY");
        if (s.node() != Node.JS) {
            assertThat(reasons).contains("MALFORMED_ROW");
        }
    }

    @Test
    void encodingsAreReal() throws IOException {
        for (Ds ds : Ds.values()) {
            byte[] js = Files.readAllBytes(Path.of("samples/JS/" + ds.code + ".xml"));
            String text = strictDecode(js, NativeWriter.GBK);
            assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"GBK\"?>").contains("<" + ds.xmlRoot + ">");
            assertThat(isUtf8(js)).as("JS %s must not be UTF-8", ds).isFalse();

            byte[] ah = Files.readAllBytes(Path.of("samples/AH/" + ds.code + ".txt"));
            String ahText = strictDecode(ah, NativeWriter.GB18030);
            assertThat(ahText).contains(SampleGenerator.AH_NAME_EXT_A.substring(0, 2));
            assertThat(isUtf8(ah)).as("AH %s must not be UTF-8", ds).isFalse();
            assertThat(NativeWriter.GBK.newEncoder().canEncode(ahText)).as("AH %s needs GB18030", ds).isFalse();

            Path zj = Path.of("samples/ZJ/" + ds.code + ".csv");
            byte[] z = Files.readAllBytes(zj);
            assertThat(z).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
            strictDecode(z, StandardCharsets.UTF_8);

            strictDecode(Files.readAllBytes(Path.of("samples/SH/" + ds.code + ".jsonl")), StandardCharsets.UTF_8);
        }
        String ahPenalty = strictDecode(Files.readAllBytes(Path.of("samples/AH/penalty.txt")), NativeWriter.GB18030);
        assertThat(ahPenalty).contains("𠮷").contains("㐂");
    }

    private static String strictDecode(byte[] b, Charset cs) throws CharacterCodingException {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
    }

    private static boolean isUtf8(byte[] b) {
        try {
            strictDecode(b, StandardCharsets.UTF_8);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
