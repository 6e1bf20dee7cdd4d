package cn.ydcx.gateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.NodeCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MappingRegistryTest {
    static final Path MAPPINGS = Path.of("mappings");

    @Test
    void everyMappingFileUnderMappingsLoads() throws IOException {
        MappingRegistry r = MappingRegistry.load(MappingSource.directory(MAPPINGS));
        long files;
        try (Stream<Path> s = Files.walk(MAPPINGS, 2)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml") && !p.getParent().equals(MAPPINGS)).count();
        }
        assertThat(r.all()).hasSize((int) files).isNotEmpty();
        assertThat(r.get(NodeCode.ZJ, Dataset.PENALTY).sourceNames()).contains("行政相对人名称", "罚款金额（元）");
    }

    @Test
    void theCopyInsideTheJarLoadsToo() {
        MappingRegistry r = MappingRegistry.load(MappingSource.classpath());
        assertThat(r.has(NodeCode.ZJ, Dataset.PENALTY)).isTrue();
    }

    @Test
    void missingMappingIsAClearError() {
        MappingRegistry r = MappingRegistry.load(MappingSource.directory(MAPPINGS));
        assertThatThrownBy(() -> r.get(NodeCode.REGION, Dataset.REPORT)).isInstanceOf(MappingException.class)
                .hasMessageContaining("no mapping for REGION/report").hasMessageContaining("REGION/report.yaml");
    }

    static Stream<Arguments> brokenMappings() {
        return Stream.of(
                Arguments.of("  data.decisionNumber: 行政处罚决定书文号", "  data.decisionNo: 行政处罚决定书文号",
                        "line 21: unknown canonical field 'data.decisionNo'"),
                Arguments.of("  data.content: 处罚内容\n", "",
                        "line 14: required canonical field 'data.content' has no source"),
                Arguments.of("datePattern: yyyy/M/d", "datePattern: yyyy/M",
                        "line 9: bad datePattern 'yyyy/M'"),
                Arguments.of("encoding: UTF-8", "encoding: UTF-9",
                        "line 4: unknown encoding 'UTF-9'"),
                Arguments.of("format: csv", "format: xlsx", "line 3: unknown format 'xlsx'"),
                Arguments.of("delimiter: \",\"", "delimiter: \",;\"", "line 6: delimiter must be exactly one character"),
                Arguments.of("amountUnit: yuan", "amountUnit: 千元", "line 10: unknown amountUnit '千元'"),
                Arguments.of("  subject.name: 行政相对人名称", "  subject.name: [行政相对人名称, 名称]",
                        "line 15: only a code-array field can be read from several sources"),
                Arguments.of("  subject.name: 行政相对人名称", "  subject.name: 行政相对人名称\n  subject.name: 名称",
                        "line 16: 'subject.name' appears twice"),
                Arguments.of("  data.remark: 备注", "  data.remark: 备注\n codes: [",
                        "YAML syntax error"),
                Arguments.of("bom: true", "bom: yes please", "line 5: bom must be true or false"),
                Arguments.of("thousandsSeparator: \",\"", "thousandsSeparator: \",\"\nspeed: fast",
                        "line 12: unknown key 'speed'"),
                Arguments.of("  data.remark: 备注", "  data.remark: 备注\ncodes:\n  subject.category:\n    法人: COMPANY",
                        "line 40: 'COMPANY' is not a code of subjectCategory"),
                Arguments.of("  data.remark: 备注", "  data.remark: 备注\ncodes:\n  data.remark:\n    x: Y",
                        "line 39: 'data.remark' is not a coded canonical field"));
    }

    @ParameterizedTest
    @MethodSource("brokenMappings")
    void brokenMappingNamesFileAndLine(String find, String replace, String message, @TempDir Path dir) throws IOException {
        Path file = copyMappings(dir);
        String yaml = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(yaml).contains(find);
        Files.writeString(file, yaml.replace(find, replace), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> MappingRegistry.load(MappingSource.directory(dir)))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(message);
    }

    @Test
    void brokenCodesFileNamesFileAndLine(@TempDir Path dir) throws IOException {
        copyMappings(dir);
        Path codes = dir.resolve("codes.yaml");
        Files.writeString(codes, Files.readString(codes) + "\npenaltyKinds:\n  罚款: FINE\n");
        assertThatThrownBy(() -> MappingRegistry.load(MappingSource.directory(dir)))
                .hasMessageStartingWith(codes.toString())
                .hasMessageContaining("unknown code list 'penaltyKinds'");
        Files.writeString(codes, "idType:\n  身份证: ID_CARD\n  身份证\u3000: PASSPORT\n");
        assertThatThrownBy(() -> MappingRegistry.load(MappingSource.directory(dir)))
                .hasMessageContaining("line 3: label '身份证\u3000' maps to two codes");
    }

    @Test
    void aCodeListWithoutLabelsIsRefusedWhereItIsUsed(@TempDir Path dir) throws IOException {
        Path file = copyMappings(dir);
        onlyZjPenalty(dir); // which file complains first would otherwise depend on the load order
        Files.writeString(dir.resolve("codes.yaml"), "idType:\n  身份证: ID_CARD\n");
        assertThatThrownBy(() -> MappingRegistry.load(MappingSource.directory(dir)))
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("no labels for code list 'subjectCategory'");
    }

    @Test
    void strayAndMissingFiles(@TempDir Path dir) throws IOException {
        copyMappings(dir);
        Files.writeString(dir.resolve("ZJ/penalties.yaml"), "format: csv\n");
        assertThatThrownBy(() -> MappingRegistry.load(MappingSource.directory(dir)))
                .hasMessageContaining("unexpected mapping file").hasMessageContaining("penalties.yaml");
        Files.delete(dir.resolve("ZJ/penalties.yaml"));
        Files.delete(dir.resolve("codes.yaml"));
        assertThatThrownBy(() -> MappingRegistry.load(MappingSource.directory(dir)))
                .hasMessageContaining("missing").hasMessageContaining("codes.yaml");
        assertThatThrownBy(() -> MappingSource.directory(dir.resolve("nope")))
                .hasMessageContaining("does not exist");
    }

    /** Deletes every node mapping of a copied tree except ZJ/penalty.yaml. */
    static void onlyZjPenalty(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                if (p.getParent().equals(dir) || p.equals(dir.resolve("ZJ/penalty.yaml"))) {
                    continue;
                }
                Files.delete(p);
            }
        }
    }

    /** Copies the real mappings; returns the ZJ penalty file. */
    static Path copyMappings(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(MAPPINGS)) {
            for (Path p : s.toList()) {
                Path target = dir.resolve(MAPPINGS.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return dir.resolve("ZJ/penalty.yaml");
    }
}
