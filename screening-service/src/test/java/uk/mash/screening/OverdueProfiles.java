package uk.mash.screening;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Decisions due two seconds after a report, and requests for information on an unrated case two
 * seconds after they are asked, with the overdue clock stopped or ticking every second.
 * Quarkus runs test classes grouped by profile, groups in the order of the profiles' names, so
 * ClockStopped's class runs (and its service stops) before ClockTicking's service starts.
 */
public final class OverdueProfiles {

    public static final String CASE_LEFT_BEFORE_RESTART = "mash.test.overdue.case-before-restart";
    public static final String CASE_RATED_BEFORE_RESTART = "mash.test.overdue.case-rated-before-restart";
    public static final String REQUEST_LEFT_BEFORE_RESTART = "mash.test.overdue.request-before-restart";
    public static final String BROKER_PAUSED = "mash.test.overdue.broker-paused";

    private OverdueProfiles() {
    }

    public static class ClockStopped implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mash.screening.decision-timescale", "PT2S", "mash.screening.overdue-check-every", "1h",
                    "mash.screening.information-due.amber", "PT2S");
        }
    }

    public static class ClockTicking implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mash.screening.decision-timescale", "PT2S", "mash.screening.overdue-check-every", "1s",
                    "mash.screening.information-due.amber", "PT2S");
        }
    }
}
