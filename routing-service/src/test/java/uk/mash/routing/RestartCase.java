package uk.mash.routing;

import java.util.UUID;

/**
 * The case routed by {@link RoutedBeforeRestartIT} and escalated by {@link EscalationIT} in the
 * next application (another profile, so Quarkus restarts routing in between). Fixed ids: test
 * classes are reloaded with each application, so nothing else survives the restart but the database.
 */
final class RestartCase {

    static final UUID CASE_ID = UUID.fromString("0e5ca1a7-0000-4000-8000-000000000001");

    private RestartCase() {
    }
}
