package uk.mash.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import java.util.Set;

/** The chain, the replay and the report card are pure: no HTTP, SQL or Kafka in them. */
@AnalyzeClasses(locations = ArchitectureTest.ServiceClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule foldsArePure = noClasses().that().resideInAnyPackage("..audit.log..", "..audit.replay..",
                    "..audit.reportcard..")
            .should().dependOnClassesThat().resideInAnyPackage("..audit.web..", "..audit.store..", "..audit.messaging..",
                    "jakarta.ws.rs..", "java.sql..", "org.apache.kafka..", "io.agroal..");

    @ArchTest
    static final ArchRule nothingBelowTheWebKnowsIt = noClasses().that().resideOutsideOfPackage("..audit.web..")
            .should().dependOnClassesThat().resideInAPackage("..audit.web..");

    @ArchTest
    static final ArchRule onlyMessagingTalksToKafka = noClasses().that().resideOutsideOfPackage("..audit.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.eclipse.microprofile.reactive.messaging..");

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
