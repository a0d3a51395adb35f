package uk.mash.screening.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import uk.mash.outbox.CaseReads;
import uk.mash.screening.query.CaseView;
import uk.mash.screening.query.CaseViewStore;
import uk.mash.screening.query.CaseViewUpdates;
import uk.mash.support.input.Parameters;
import uk.mash.support.security.Caller;

/**
 * How every change to a case is answered: with the case as it stands after the change (waiting briefly
 * for the case view to reach the command's version, woken by {@link CaseViewUpdates}), its version as the ETag, and the read recorded.
 * Also reads the {@code If-Match} a change was decided on.
 */
@ApplicationScoped
public class CaseAnswers {

    /** What {@code If-Match} means on every change to a case, for the API description. */
    public static final String IF_MATCH_MEANS = "Optional: the case version this change was decided on, as the ETag "
            + "gave it (`\"7\"`; `W/\"7\"` and `7` are read too). When the case has moved on since, the change is refused "
            + "with 412 and nothing is recorded.";

    private static final Pattern IF_MATCH = Pattern.compile("(?:W/)?(\"?)(\\d{1,18})\\1");

    @Inject
    CaseViewStore views;

    @Inject
    CaseViewUpdates updates;

    @Inject
    CaseReads accessLog;

    @Inject
    JsonWebToken token;

    @ConfigProperty(name = "mash.screening.view-wait", defaultValue = "PT10S")
    Duration viewWait;

    /** The case once its view shows {@code version} (or after the wait, as it then stands). */
    public Response afterChange(UUID caseId, long version, String endpoint) {
        updates.await(caseId, version, () -> views.version(caseId), viewWait);
        // the change is made; a view that has not even the case yet (a case just opened, its processor far
        // behind) is no reason for a 500: 202, where to read the case, and the version it will show
        return QuarkusTransaction.requiringNew().call(() -> views.find(caseId).map(view -> answer(view, endpoint))
                .orElseGet(() -> Response.accepted().location(URI.create("/api/v1/cases/" + caseId))
                        .tag(new EntityTag(Long.toString(version))).build()));
    }

    /** The case with its version as the ETag; the read is recorded in the same transaction. */
    public Response answer(CaseView view, String endpoint) {
        accessLog.record(Caller.of(token), endpoint, List.of(view.caseId));
        return Response.ok(view).tag(new EntityTag(Long.toString(view.version))).build();
    }

    /** {@code If-Match: "7"} (the ETag this API gives), or the bare or weak forms of it; null when absent. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        Matcher version = IF_MATCH.matcher(ifMatch);
        if (!version.matches()) {
            throw Parameters.malformed("If-Match", "must be a case version as the ETag gives it, e.g. \"7\"");
        }
        return Long.valueOf(version.group(2));
    }
}
