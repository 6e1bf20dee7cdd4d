package cn.ydcx.gateway.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layers honest: the domain core (records, mapping, validation, canonical JSON,
 * Merkle trees, signatures) is plain Java that a standalone verifier can reuse without Spring,
 * Camel or a database; storage knows nothing of HTTP or the exchange.
 */
class LayeringTest {

    static final String[] CORE = {
        "cn.ydcx.gateway.model..", "cn.ydcx.gateway.mapping..", "cn.ydcx.gateway.validation..",
        "cn.ydcx.gateway.jcs..", "cn.ydcx.gateway.merkle..", "cn.ydcx.gateway.crypto..",
        "cn.ydcx.gateway.batch..", "cn.ydcx.gateway.pki.."
    };

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.ydcx.gateway");
    }

    @Test
    void coreDoesNotDependOnFrameworks() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..",
                        "jakarta.servlet..", "java.sql..", "javax.sql..")
                .check(classes);
    }

    @Test
    void coreDoesNotDependOnTheNodeRuntime() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("cn.ydcx.gateway.store..",
                        "cn.ydcx.gateway.exchange..", "cn.ydcx.gateway.api..", "cn.ydcx.gateway.node..",
                        "cn.ydcx.gateway.share..", "cn.ydcx.gateway.audit..", "cn.ydcx.gateway.cli..",
                        "cn.ydcx.gateway.demo..")
                .check(classes);
    }

    @Test
    void storageKnowsNothingOfTheExchangeOrHttp() {
        noClasses().that().resideInAPackage("cn.ydcx.gateway.store..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.ydcx.gateway.exchange..",
                        "cn.ydcx.gateway.api..", "cn.ydcx.gateway.share..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void nothingDependsOnTheRestControllers() {
        noClasses().that().resideOutsideOfPackage("cn.ydcx.gateway.api..")
                .should().dependOnClassesThat().resideInAPackage("cn.ydcx.gateway.api..")
                .check(classes);
    }
}
