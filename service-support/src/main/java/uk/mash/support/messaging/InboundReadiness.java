package uk.mash.support.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while a consumer is waiting out a passing failure (its database or the broker away):
 * an operator and a load balancer see it at {@code /q/health/ready}, and it is ready again by
 * itself once the records flow.
 */
@Readiness
@ApplicationScoped
public class InboundReadiness implements HealthCheck {

    private record Waiting(Instant since, String failure) {
    }

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    public void waiting(String consumer, Throwable failure) {
        waiting.putIfAbsent(consumer, new Waiting(Instant.now(), failure.getClass().getName()));
    }

    public void flowing(String consumer) {
        if (!waiting.isEmpty()) {
            waiting.remove(consumer);
        }
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("inbound-events").status(waiting.isEmpty());
        waiting.forEach((consumer, w) -> response.withData(consumer,
                "waiting since " + w.since() + " (" + w.failure() + ")"));
        return response.build();
    }
}
