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

    /** No two packages depend on each other, directly or round a longer loop (sub-packages count on their own). */
    @Test
    void packagesAreFreeOfCycles() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching("cn.ydcx.gateway.(**)").should().beFreeOfCycles().check(classes);
    }

    /** The exchange's features use the store, the audit log and the peer transport, never each other's insides. */
    @Test
    void ingestDeliveryAndReceiveAreSeparateFeatures() {
        for (String[] pair : new String[][] {{"ingest", "delivery"}, {"ingest", "receive"}, {"delivery", "receive"},
                {"delivery", "ingest"}, {"receive", "ingest"}, {"receive", "delivery"}}) {
            noClasses().that().resideInAPackage("cn.ydcx.gateway.exchange." + pair[0] + "..")
                    .should().dependOnClassesThat().resideInAPackage("cn.ydcx.gateway.exchange." + pair[1] + "..")
                    .check(classes);
        }
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
