package dev.propos.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layout is the architecture: the engine is plain Java with no framework and no I/O; the
 * formats and platform modules know nothing of the server; the server's business areas do not
 * depend on each other in circles.
 */
class ArchitectureTest {

    private static final JavaClasses PROPOS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.propos");

    @Test
    void theEngineIsPlainJava() {
        classes().that().resideInAPackage("dev.propos.engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.propos.engine..", "java..")
                .check(PROPOS);
    }

    @Test
    void formatsAndPlatformsKnowNothingOfTheServer() {
        classes().that().resideInAnyPackage("dev.propos.formats..", "dev.propos.platform..")
                .should().onlyDependOnClassesThat().resideOutsideOfPackage("dev.propos.server..")
                .check(PROPOS);
    }

    @Test
    void theServersAreasHaveNoCycles() {
        slices().matching("dev.propos.server.(*)..").should().beFreeOfCycles().check(PROPOS);
    }
}
