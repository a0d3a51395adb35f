package uk.mash.routing.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.mash.contracts.Rag;

/**
 * How long a referral may stay PENDING before it is escalated: RED has its own (shorter) limit.
 * Built from configuration by CDI, or directly (the rule needs nothing else).
 */
@ApplicationScoped
public class EscalationLimits {

    private Duration red;
    private Duration other;

    @Inject
    public EscalationLimits(@ConfigProperty(name = "mash.routing.escalation.red", defaultValue = "PT4H") Duration red,
                            @ConfigProperty(name = "mash.routing.escalation.other", defaultValue = "PT24H") Duration other) {
        this.red = red;
        this.other = other;
    }

    public Duration limitFor(Rag rag) {
        return rag == Rag.RED ? red : other;
    }

    /** When a referral routed at {@code routedAt} falls due; fixed then, so later changes of the limits do not move it. */
    public Instant dueAt(Rag rag, Instant routedAt) {
        return routedAt.plus(limitFor(rag));
    }
}
