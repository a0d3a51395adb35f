package uk.mash.routing.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Rag;

/**
 * When a referral falls due for escalation if its team has not acknowledged it: a RED referral
 * after the RED limit (4 hours unless configured), every other one, rated or not, after the other
 * limit (24 hours). The due time is the routing time plus the limit of the referral's own rating.
 */
class EscalationLimitsTest {

    private static final Instant ROUTED = Instant.parse("2026-11-20T16:45:00Z");
    private static final EscalationLimits DEFAULTS = new EscalationLimits(Duration.ofHours(4), Duration.ofHours(24));

    @Test
    void aRedReferralFallsDueFourHoursAfterItWasRouted() {
        assertThat(DEFAULTS.dueAt(Rag.RED, ROUTED)).isEqualTo(Instant.parse("2026-11-20T20:45:00Z"));
    }

    @Test
    void anAmberGreenOrUnratedReferralFallsDueADayAfterItWasRouted() {
        Instant nextDay = Instant.parse("2026-11-21T16:45:00Z");
        assertThat(DEFAULTS.dueAt(Rag.AMBER, ROUTED)).isEqualTo(nextDay);
        assertThat(DEFAULTS.dueAt(Rag.GREEN, ROUTED)).isEqualTo(nextDay);
        assertThat(DEFAULTS.dueAt(null, ROUTED)).isEqualTo(nextDay);
    }

    @Test
    void theConfiguredLimitsAreTheOnesUsed() {
        EscalationLimits drill = new EscalationLimits(Duration.ofMinutes(30), Duration.ofHours(2));

        assertThat(drill.limitFor(Rag.RED)).isEqualTo(Duration.ofMinutes(30));
        assertThat(drill.limitFor(Rag.AMBER)).isEqualTo(Duration.ofHours(2));
        assertThat(drill.dueAt(Rag.RED, ROUTED)).isEqualTo(Instant.parse("2026-11-20T17:15:00Z"));
        assertThat(drill.dueAt(Rag.GREEN, ROUTED)).isEqualTo(Instant.parse("2026-11-20T18:45:00Z"));
    }

    @Test
    void aRedReferralIsAlwaysDueBeforeAnotherRoutedAtTheSameMoment() {
        for (Rag other : new Rag[] {Rag.AMBER, Rag.GREEN, null}) {
            assertThat(DEFAULTS.dueAt(Rag.RED, ROUTED)).isBefore(DEFAULTS.dueAt(other, ROUTED));
        }
    }
}
