package uk.mash.screening;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import java.util.Set;

/** The giftcard-demo layering: the aggregate and its rules know no Kafka, HTTP or SQL. */
@AnalyzeClasses(locations = ArchitectureTest.ServiceClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)
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

    /**
     * The service's own classes, from its build directory: importing by package name looks for the
     * package in every jar of the test classpath, which took longer than checking the rules.
     */
    static final class ServiceClasses implements LocationProvider {
        @Override
        public Set<Location> get(Class<?> testClass) {
            return Set.of(Location.of(Path.of("target", "classes")));
        }
    }
}
