package uk.mash.audit.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import uk.mash.audit.reportcard.CardFact;
import uk.mash.audit.reportcard.InformationSharing;
import uk.mash.audit.reportcard.InformationSharingFold;
import uk.mash.audit.reportcard.ReportCard;
import uk.mash.audit.reportcard.ReportCardFold;
import uk.mash.audit.store.CardFactStore;
import uk.mash.contracts.EventTypes;
import uk.mash.support.concurrent.Joins;
import uk.mash.support.problem.Problem;
import uk.mash.support.problem.ProblemException;
import uk.mash.support.security.Roles;

/** The report card of DOMAIN.md, computed from the log's facts (report_card_facts, kept with each entry). */
@Path("/api/v1/performance")
@Tag(name = "Report card", description = "The performance figures a safeguarding board reads, computed from the audit log.")
@Produces(MediaType.APPLICATION_JSON)
public class PerformanceResource {

    @Inject
    CardFactStore facts;

    @Inject
    ObjectMapper mapper;

    /** Runs two of {@link #tallyPeriod}'s reads beside the request's own. */
    @Inject
    ManagedExecutor executor;

    /**
     * Cards read at once: each holds three of the service's 20 database connections while it reads, and the
     * appender needs its own; a third manager asking waits for one of two cards to finish rather than the
     * log's appends waiting for a connection.
     */
    private final Semaphore cardsAtOnce = new Semaphore(2, true);

    @GET
    @RolesAllowed({Roles.MANAGER, Roles.AUDITOR})
    @Operation(summary = "Read the report card for a period",
            description = "For a manager or an auditor: for `from` to `to` inclusive (UTC dates), contacts received, "
                    + "cases opened and referrals; the share of decisions within one working day (SCC/006), of "
                    + "re-referrals within 12 months (SCC/010) and of referrals acknowledged in time; reports by "
                    + "referring agency and concern; cases by outcome; and report-to-decision time (median, 90th "
                    + "percentile); and information sharing between agencies: the requests asked in the period, how many "
                    + "were answered, declined or are open, the share answered by their due time over all and per RAG, "
                    + "and per agency asked the requests, answers and median and 90th-percentile response time. "
                    + "Definitions in audit-service/README.md. Its cost grows with the period, not the log.")
    @Parameter(name = "from", in = ParameterIn.QUERY, required = true, description = "The first day, YYYY-MM-DD",
            schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-11-01")
    @Parameter(name = "to", in = ParameterIn.QUERY, required = true, description = "The last day, YYYY-MM-DD",
            schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-11-30")
    @APIResponse(responseCode = "200", description = "The report card",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportCard.class),
                    examples = @ExampleObject(name = "november", value = ApiExamples.REPORT_CARD)))
    @APIResponse(responseCode = "422", description = "`from` or `to` missing, or `from` after `to`",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    examples = @ExampleObject(name = "from-after-to", value = ApiExamples.FROM_AFTER_TO)))
    public ReportCard reportCard(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate start = Params.date("from", from);
        LocalDate end = Params.date("to", to);
        if (start.isAfter(end)) {
            throw ProblemException.unprocessable("from", "must not be after to");
        }
        ReportCardFold.Tally tally = new ReportCardFold(mapper).tally(start, end);
        cardsAtOnce.acquireUninterruptibly();
        try {
            tallyPeriod(tally, start, end);
        } finally {
            cardsAtOnce.release();
        }
        return tally.card(informationSharing(start, end));
    }

    /** What each figure is dated by: received, opened, first decided, routed (ReportCardFold). */
    private static final List<String> DATED_IN_THE_PERIOD = List.of(EventTypes.REPORT_RECEIVED, EventTypes.CASE_OPENED,
            EventTypes.DECISION_RECORDED, EventTypes.REFERRAL_ROUTED);

    /** Step 1's two halves, about equal in size. */
    private static final List<String> REPORTED_AND_OPENED = List.of(EventTypes.REPORT_RECEIVED, EventTypes.CASE_OPENED);
    private static final List<String> DECIDED_AND_ROUTED = List.of(EventTypes.DECISION_RECORDED,
            EventTypes.REFERRAL_ROUTED);

    /** What became of a case dated in the period, whenever it came. */
    private static final List<String> WHAT_BECAME_OF_THE_CASE = List.of(EventTypes.CASE_OPENED,
            EventTypes.DECISION_RECORDED, EventTypes.REFERRAL_ROUTED, EventTypes.REFERRAL_WITHDRAWN,
            EventTypes.REFERRAL_ACKNOWLEDGED);

    /**
     * Streams into the tally the facts (report_card_facts: a few typed columns of each entry, no JSON to parse)
     * the rest of the card needs for {@code from} to {@code to}, read so that the cost grows with the period, not
     * with the log: a decade's log of a large authority has some 200,000 such entries in a half-year. The tally
     * counts only what is dated inside the period, in whatever order it is fed, so it gets the same figures from
     * these as from every entry of its types:
     * <ol>
     *   <li>the reports, openings, decisions and routings whose ce_time lies in the period widened by a
     *       day each side (index report_card_facts_type_time; an event's ce_time is its own instant, or within
     *       seconds of it for screening's);</li>
     *   <li>for each case among them, its opening, decisions, routings, withdrawals and acknowledgements
     *       whenever they came (index report_card_facts_case), less those step 1 reads: whether a case opened in
     *       the period was routed, the decision standing at the period's end, whether a referral was withdrawn or
     *       acknowledged. The database finds those cases itself, so this need not wait for step 1;</li>
     *   <li>the opening report of each of those cases not read in step 1 (index report_card_facts_report), for
     *       report-to-decision.</li>
     * </ol>
     * Steps 1 (in two halves, by type) and 2 run at once, each on its own connection, each tallying as it reads:
     * while one waits for the database another decodes, so a card takes about as long as its longest read
     * rather than the sum of all three. None holds a fact once tallied.
     */
    private void tallyPeriod(ReportCardFold.Tally tally, LocalDate from, LocalDate to) {
        Instant widenedFrom = from.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant widenedTo = to.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<CompletableFuture<Void>> reads = List.of(
                executor.runAsync(() -> facts.streamOfCasesDatedIn(WHAT_BECAME_OF_THE_CASE, DATED_IN_THE_PERIOD,
                        widenedFrom, widenedTo, tally::accept)),
                executor.runAsync(() -> facts.streamOfTypesOccurred(REPORTED_AND_OPENED, widenedFrom, widenedTo,
                        tally::accept)));
        try {
            facts.streamOfTypesOccurred(DECIDED_AND_ROUTED, widenedFrom, widenedTo, tally::accept);
            reads.forEach(Joins::join);
        } finally {
            // after a failure: a read not started yet never starts (one already reading ends on its own)
            reads.forEach(read -> read.cancel(false));
        }
        facts.streamReportsReceived(tally.openingReportsNotTallied(), tally::accept);
    }

    /**
     * The information requests asked from {@code from} to {@code to}, read so that the cost grows with the
     * period, not with the log (CONTRACT.md): never every entry, but
     * <ol>
     *   <li>the requested facts whose ce_time lies in the period widened by a day each side (index
     *       report_card_facts_type_time). A request's ce_time is within seconds of its requestedAt, but the
     *       figure is defined by requestedAt: the day's margin keeps a request asked at 23:59:59.9 and
     *       published after midnight, and the fold drops those asked outside the period;</li>
     *   <li>then only the answers, refusals and ratings of the cases those requests belong to (index
     *       report_card_facts_case), whenever they came, for what became of each request and its final RAG.</li>
     * </ol>
     */
    private InformationSharing informationSharing(LocalDate from, LocalDate to) {
        InformationSharingFold fold = new InformationSharingFold(mapper);
        List<CardFact> requested = facts.ofTypeOccurred(EventTypes.INFORMATION_REQUESTED,
                from.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant());
        List<CardFact> all = new ArrayList<>(requested);
        all.addAll(facts.ofCases(fold.casesAskedIn(requested, from, to), InformationSharingFold.OUTCOME_TYPES));
        all.sort(Comparator.comparingLong(CardFact::sequence));
        return fold.foldFacts(all, from, to);
    }
}
