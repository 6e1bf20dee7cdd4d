package cn.ydcx.gateway.samples;

import cn.ydcx.gateway.samples.SampleGenerator.Sample;
import java.util.List;

/** Writes samples/README.md from the generated samples (so the row lists can never go stale). */
final class SamplesReadme {
    private SamplesReadme() {
    }

    static String text(List<Sample> samples) {
        StringBuilder b = new StringBuilder();
        b.append("""
                # Sample native files

                One file per node and dataset, in each province's own native format (SPEC §3), with realistic
                content and deliberately awkward values. They feed the golden tests and the demo.

                | node | format | encoding | file |
                |---|---|---|---|
                | SH | JSON Lines, English keys, canonical codes, yuan as JSON numbers | UTF-8 | `SH/<dataset>.jsonl` |
                | JS | XML, 双公示 v2 element codes, root XZXK/XZCF/YZSX/XYBG, 万元 | GBK (`encoding="GBK"`) | `JS/<dataset>.xml` |
                | ZJ | CSV, Chinese headers, `yyyy/M/d`, yuan with `,` separators allowed | UTF-8 with BOM | `ZJ/<dataset>.csv` |
                | AH | `\\|`-delimited, legacy numeric codes for category / ID type, `yyyyMMdd`, 万元 | GB18030 | `AH/<dataset>.txt` |

                Expected output, written by the generators from SPEC §2 and **not** copied from the engine:
                `gateway/src/test/resources/expected/<NODE>/<dataset>.records.jsonl` and `.rejects.jsonl`.

                ## How they are made

                - `ZJ/penalty.csv`: `ZjPenaltySampleGenerator` (gateway/src/test/java/cn/ydcx/gateway/mapping), 241 rows.
                - every other file: `SampleGenerator` (gateway/src/test/java/cn/ydcx/gateway/samples). Each row starts
                  as a clean canonical record built from the province's cities, authorities and wording; it is
                  rendered in the node's native conventions (`NativeLayout`: names from SPEC §3, date pattern, amount
                  unit, code labels) and written by the generator's own `NativeWriter`. A *hard case* then perturbs
                  native values in a way whose canonical result SPEC §2 fixes (the expected value stays the clean
                  one, or is changed by hand together with the native one). Invalid rows carry the reject reasons
                  stated by hand. Fixed seed per combination: the output is byte-for-byte reproducible.
                - Regenerate (from the repository root):
                  `mvn -B -o -q -pl gateway test -Dtest=SampleFilesTest -Dsamples.regenerate=true`
                  (`SampleFilesTest` otherwise fails when a committed file differs from its generator, and checks
                  the encodings: JS decodes as GBK, AH as GB18030 and contains characters outside GBK, ZJ starts
                  with a UTF-8 BOM, SH is UTF-8).
                - `SampleGoldenTest` normalises every sample (15 cases; ZJ penalty: `ZjPenaltySampleTest`) and compares records and rejects with the expected files.

                ## Hard cases (where they apply to a format)

                Full-width ASCII in USCCs and keys; U+3000 and zero-width characters (U+200B, U+200D, U+FEFF) in
                names and keys; ASCII parentheses in subject, authority, data source and agency names (→ full-width);
                full-width parentheses in decision / report numbers (→ ASCII; 〔〕 untouched); tabs, no-break spaces
                and line breaks inside text (→ one space); code labels with white space around them; white-space-only,
                JSON `null`, `""` and empty XML elements (→ absent); ZJ zero-padded dates; 长期 in license validTo;
                several penalty types in one field with `;` and `；`, a repeated type (kept once), `其他-…` (→ OTHER);
                万元 with six and seven decimals (half-up to fen), exponent notation, JSON numbers that binary floating
                point would round wrongly (12345.675, 2000.005); ZJ/AH quoted values containing the delimiter and
                doubled quotes; JS XML escapes and CDATA; AH names with 𠮷 (U+20BB7) and 㐂 (U+3402), which GBK
                cannot encode. Invalid rows (about 20%%): bad USCC / resident-ID check characters, impossible and
                wrongly patterned dates, unknown code labels (军官证, 企业, 审批, 交通运输, AAA+ …), missing required
                fields, FINE without fineAmount, negative / non-numeric amounts, REMOVED without removedOn, 长期
                outside license validTo, a bad documentSha256, rows with several problems (every reason, canonical
                order), DUPLICATE_KEY (verbatim and after clean-up), MALFORMED_ROW (ZJ/AH column counts, SH broken
                JSON lines). JS has no MALFORMED_ROW case: an XML record cannot have a wrong column count, and
                broken XML fails the whole file.

                ## Subjects that recur across provinces and datasets

                | subject | code | where |
                |---|---|---|
                | 嘉兴禾润新材料科技有限公司 | 913304007429141869 | ZJ penalty (several), ZJ license ×2, ZJ report; SH license, SH report; JS license, JS report; red list (TAX/RED, ACTIVE) in JS and ZJ |
                | 上海浦江宏远建设工程有限公司 | %s | SH penalty ×2, SH license ×2, SH report; AH penalty, AH license; dishonesty SAFETY: **ACTIVE in SH, REMOVED (信用修复) in JS** |
                | 苏州恒达精密机械有限公司 | %s | JS penalty, JS license, JS report, AH report; dishonesty PRODUCT_QUALITY: **ACTIVE in JS and AH, REMOVED (期满) in ZJ** |
                | 合肥徽远食品有限公司 | %s | AH penalty, AH license, AH report; dishonesty FOOD_DRUG: **REMOVED (异议更正) in AH, ACTIVE in ZJ** |
                | 陶光辉 (natural person, 身份证) | %s | dishonesty COURT (失信被执行人), ACTIVE in SH and AH |

                The exact rows (sourceKeys) are listed per file below.

                ## Per file
                """.formatted(SampleGenerator.SH_HONGYUAN.uscc(), SampleGenerator.JS_HENGDA.uscc(),
                SampleGenerator.AH_HUIYUAN.uscc(), SampleGenerator.PERSON_TAO.idNumber()));
        b.append("\n| file | rows | accepted | rejected | rows with a hard case or invalid |\n|---|---|---|---|---|\n");
        for (Sample s : samples) {
            long hard = s.rows().stream().filter(r -> !r.notes.isEmpty()).count();
            b.append("| `").append(s.samplePath().toString().replace('\\', '/').substring("samples/".length()))
                    .append("` | ").append(s.rows().size()).append(" | ").append(s.accepted()).append(" | ")
                    .append(s.rows().size() - s.accepted()).append(" | ").append(hard).append(" |\n");
        }
        for (Sample s : samples) {
            b.append("\n### ").append(s.samplePath().toString().replace('\\', '/').substring("samples/".length()))
                    .append("\n\n");
            if (!s.shared().isEmpty()) {
                b.append("Shared subjects:\n");
                for (String x : s.shared()) {
                    b.append("- ").append(x).append('\n');
                }
                b.append('\n');
            }
            b.append("| row | case | expected |\n|---|---|---|\n");
            for (int i = 0; i < s.rows().size(); i++) {
                SampleRow r = s.rows().get(i);
                if (r.notes.isEmpty()) {
                    continue;
                }
                b.append("| ").append(i + 1).append(" | ").append(String.join("; ", r.notes).replace("|", "\\|"))
                        .append(" | ").append(r.expected != null ? "record" : String.join(", ", r.reasons))
                        .append(" |\n");
            }
        }
        return b.toString();
    }
}
