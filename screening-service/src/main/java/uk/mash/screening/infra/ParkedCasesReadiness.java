package uk.mash.screening.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import uk.mash.support.messaging.Inbound;

/**
 * How many cases each processing group has parked, shown at {@code /q/health/ready}. Always UP:
 * a parked case holds back only its own events, the service still serves every other case.
 */
@Readiness
@ApplicationScoped
public class ParkedCasesReadiness implements HealthCheck {

    @Inject
    ParkedCases parked;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("parked-cases").up();
        for (String group : ParkedCases.GROUPS) {
            try {
                response.withData(group, parked.count(group));
            } catch (RuntimeException e) {
                response.withData(group, "unknown (" + Inbound.describe(e) + ")");
            }
        }
        return response.build();
    }
}
