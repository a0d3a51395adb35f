package uk.mash.screening;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The giftcard-demo layering: the aggregate and its rules know no Kafka, HTTP or SQL. */
@AnalyzeClasses(packages = "uk.mash.screening", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theCaseAndItsRulesArePure = noClasses().that().resideInAnyPackage("..screening.command..",
                    "..screening.api..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "io.agroal..",
                    "jakarta.ws.rs..", "org.apache.kafka..", "org.eclipse.microprofile.reactive.messaging..",
                    "..screening.web..", "..screening.query..", "..screening.messaging..", "..screening.application..");

    @ArchTest
    static final ArchRule theQuerySideDoesNotCommand = noClasses().that().resideInAPackage("..screening.query..")
            .should().dependOnClassesThat().resideInAnyPackage("..screening.api..", "org.axonframework.commandhandling..");

    @ArchTest
    static final ArchRule onlyMessagingTalksToKafka = noClasses().that().resideOutsideOfPackages(
                    "..screening.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..",
                    "org.eclipse.microprofile.reactive.messaging..");
}
