package uk.mash.routing.referral;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.mash.contracts.Rag;

/** How long a referral may stay PENDING before it is escalated: RED has its own (shorter) limit. */
@ApplicationScoped
public class EscalationLimits {

    @ConfigProperty(name = "mash.routing.escalation.red", defaultValue = "PT4H")
    Duration red;

    @ConfigProperty(name = "mash.routing.escalation.other", defaultValue = "PT24H")
    Duration other;

    public Duration limitFor(Rag rag) {
        return rag == Rag.RED ? red : other;
    }
}
