package uk.mash.routing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import java.util.Set;

/** The layers stay apart: routing rules know nothing of HTTP or Kafka; storage and messaging know nothing of the web. */
@AnalyzeClasses(locations = ArchitectureTest.ServiceClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule rulesDoNotDependOnTheWeb = noClasses().that().resideInAPackage("..routing.referral..")
            .should().dependOnClassesThat().resideInAnyPackage("..routing.web..", "jakarta.ws.rs..");

    @ArchTest
    static final ArchRule storageAndMessagingDoNotDependOnTheWeb = noClasses()
            .that().resideInAnyPackage("..routing.store..", "..routing.messaging..")
            .should().dependOnClassesThat().resideInAPackage("..routing.web..");

    @ArchTest
    static final ArchRule onlyMessagingTalksToKafka = noClasses()
            .that().resideOutsideOfPackage("..routing.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.eclipse.microprofile.reactive.messaging..");

    @ArchTest
    static final ArchRule onlyTheStoreSpeaksSql = noClasses()
            .that().resideOutsideOfPackage("..routing.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "io.agroal..");

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
