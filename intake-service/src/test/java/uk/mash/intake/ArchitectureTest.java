package uk.mash.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layers stay apart: the rules know nothing of HTTP; storage and messaging know nothing of the web. */
@AnalyzeClasses(packages = "uk.mash.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule rulesDoNotDependOnTheWeb = noClasses().that().resideInAPackage("..intake.report..")
            .should().dependOnClassesThat().resideInAnyPackage("..intake.web..", "jakarta.ws.rs..");

    @ArchTest
    static final ArchRule storageAndMessagingDoNotDependOnTheWeb = noClasses()
            .that().resideInAnyPackage("..intake.store..", "..intake.messaging..")
            .should().dependOnClassesThat().resideInAPackage("..intake.web..");

    @ArchTest
    static final ArchRule onlyMessagingTalksToKafka = noClasses()
            .that().resideOutsideOfPackage("..intake.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.eclipse.microprofile.reactive.messaging..");
}
