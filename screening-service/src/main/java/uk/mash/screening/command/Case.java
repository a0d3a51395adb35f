package uk.mash.screening.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConcurrencyException;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Concern;
import uk.mash.contracts.Consent;
import uk.mash.contracts.LegalBasis;
import uk.mash.contracts.PoliceReference;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.contracts.Subject;
import uk.mash.contracts.events.AgencyInformationAdded;
import uk.mash.contracts.events.CaseOpened;
import uk.mash.contracts.events.DecisionOverdue;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.contracts.events.InformationRequestAnswered;
import uk.mash.contracts.events.InformationRequestDeclined;
import uk.mash.contracts.events.InformationRequestOverdue;
import uk.mash.contracts.events.InformationRequested;
import uk.mash.contracts.events.ReportLinked;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.contracts.events.RiskRated;
import uk.mash.screening.api.AddAgencyInformation;
import uk.mash.screening.api.AnswerInformationRequest;
import uk.mash.screening.api.DeclineInformationRequest;
import uk.mash.screening.api.LinkReport;
import uk.mash.screening.api.MarkDecisionOverdue;
import uk.mash.screening.api.MarkInformationRequestOverdue;
import uk.mash.screening.api.OpenCase;
import uk.mash.screening.api.RateRisk;
import uk.mash.screening.api.RecordDecision;
import uk.mash.screening.api.RequestInformation;

/**
 * A Case: what the MASH knows about the people of one or more reports, and what it decided.
 * Command handlers check the rules and apply events; event sourcing handlers only assign state.
 * Command handlers answer with the case's version after the command, so callers can wait for
 * the case view to show it.
 */
public class Case {

    @AggregateIdentifier
    private UUID caseId;
    private String reference;
    private Instant decisionDueBy;
    private Rag rag;
    private boolean overdue;
    private UUID decisionId;
    private final List<Subject> subjects = new ArrayList<>();
    private final Set<Concern> concerns = new LinkedHashSet<>();
    private final Set<UUID> reports = new HashSet<>();
    private final List<PoliceReference> policeReferences = new ArrayList<>();
    private Consent consent;
    private final Map<UUID, InformationRequest> requests = new LinkedHashMap<>();

    protected Case() {
        // for Axon, which rebuilds a case from its events
    }

    @CommandHandler
    public Case(OpenCase command) {
        ReportReceived report = command.report();
        apply(new CaseOpened(command.caseId(), report.reference(), report.reportId(), command.openedAt(),
                command.decisionDueBy(), report.subjects(), report.concerns(), report.initialRag(),
                !command.previousCaseIds().isEmpty(), command.previousCaseIds(), report.police(),
                report.receivedAt(), report.referrer().agency(), report.channel(), report.consent(),
                report.summary()));
        if (report.initialRag() != null) {
            apply(new RiskRated(command.caseId(), report.initialRag(), FirstRating.rationale(report),
                    report.submittedBy().sub(), report.submittedBy().agency(), command.openedAt()));
        }
    }

    @CommandHandler
    public long handle(LinkReport command) {
        ReportReceived report = command.report();
        if (reports.contains(report.reportId())) {
            return version(); // linked already: a redelivered report changes nothing
        }
        if (decisionId != null) {
            // decided between the directory's answer and this command: a decided case is not open, so
            // the report must not join it (its referrer would never hear a decision). Screening the
            // report again finds the case decided and opens a new one, a re-referral of this.
            throw new ConcurrencyException("Case " + caseId + " was decided while a report was being linked to it");
        }
        List<Subject> newPeople = report.subjects().stream()
                .filter(s -> subjects.stream().noneMatch(known -> SamePerson.same(known, s)))
                .toList();
        apply(new ReportLinked(caseId, report.reportId(), report.reference(), report.receivedAt(),
                command.linkedAt(), report.referrer().agency(), report.channel(), report.concerns(), newPeople,
                report.police(), report.consent(), report.summary()));
        // a police grade, or a report of immediate risk, can raise a rating to RED but never lowers one
        if (report.initialRag() == Rag.RED && rag != Rag.RED) {
            apply(new RiskRated(caseId, Rag.RED, FirstRating.rationale(report), report.submittedBy().sub(),
                    report.submittedBy().agency(), command.linkedAt(), reTimed(Rag.RED, command.deadlines())));
        }
        return version();
    }

    @CommandHandler
    public long handle(AddAgencyInformation command) {
        if (command.summary() == null || command.summary().isBlank()) {
            throw new CaseRuleBroken("summary", "say what your agency knows");
        }
        if (command.legalBasis() == null) {
            throw new CaseRuleBroken("legalBasis", "information is shared on a legal basis");
        }
        apply(new AgencyInformationAdded(caseId, command.sharedBy().agency(), command.sharedBy().sub(),
                command.sharedAt(), command.legalBasis(), command.summary()));
        return version();
    }

    @CommandHandler
    public long handle(RateRisk command) {
        if (command.rag() == null) {
            throw new CaseRuleBroken("rag", "RED, AMBER or GREEN");
        }
        if (command.rationale() == null || command.rationale().isBlank()) {
            throw new CaseRuleBroken("rationale", "a rating records its rationale");
        }
        apply(new RiskRated(caseId, command.rag(), command.rationale(), command.ratedBy().sub(),
                command.ratedBy().agency(), command.ratedAt(), reTimed(command.rag(), command.deadlines())));
        return version();
    }

    /** Each open request's due time under a new rating, counted from when it was asked. */
    private List<RiskRated.InformationRequestDue> reTimed(Rag newRag, InformationDeadlines deadlines) {
        return requests.values().stream().filter(InformationRequest::open)
                .map(r -> new RiskRated.InformationRequestDue(r.requestId(), deadlines.dueBy(r.requestedAt(), newRag)))
                .toList();
    }

    @CommandHandler
    public long handle(RequestInformation command, ConflictResolver conflicts) {
        decidedOnThisVersion(conflicts);
        List<Agency> agencies = command.agencies() == null ? List.of() : command.agencies();
        if (agencies.isEmpty()) {
            throw new CaseRuleBroken("agencies", "name at least one agency to ask");
        }
        if (agencies.stream().anyMatch(java.util.Objects::isNull)) {
            throw new CaseRuleBroken("agencies", "each agency must be one of CONTRACT.md's agencies");
        }
        if (Set.copyOf(agencies).size() != agencies.size()) {
            throw new CaseRuleBroken("agencies", "name each agency once");
        }
        if (blank(command.question())) {
            throw new CaseRuleBroken("question", "say what you want to know");
        }
        Consent consentNow = consentOfCase();
        if (consentNow != Consent.GIVEN && blank(command.consentOverride())) {
            throw new CaseRuleBroken("consentOverride", "consent is " + consentNow
                    + ": say why sharing without consent is justified");
        }
        for (Agency agency : agencies) {
            if (requests.values().stream().anyMatch(r -> r.open() && r.agency() == agency)) {
                throw new CaseConflict(agency + " already has an open request on this case");
            }
        }
        long before = version();
        Instant dueBy = command.deadlines().dueBy(command.requestedAt(), rag);
        for (Agency agency : agencies) {
            apply(new InformationRequested(caseId, reference, InformationRequestIds.of(caseId, before, agency), agency,
                    command.question(), command.requestedBy().sub(), command.requestedBy().agency(),
                    command.requestedAt(), dueBy, rag, consentNow, blank(command.consentOverride()) ? null
                    : command.consentOverride()));
        }
        return version();
    }

    @CommandHandler
    public long handle(AnswerInformationRequest command, ConflictResolver conflicts) {
        decidedOnThisVersion(conflicts);
        InformationRequest request = openRequestOf(command.requestId(), command.answeredBy().agency());
        if (blank(command.summary())) {
            throw new CaseRuleBroken("summary", "say what your agency knows, or that it knows nothing");
        }
        if (command.legalBasis() == null) {
            throw new CaseRuleBroken("legalBasis", "information is shared on a legal basis");
        }
        if (command.legalBasis() == LegalBasis.CONSENT && consentOfCase() != Consent.GIVEN) {
            throw new CaseRuleBroken("legalBasis", "consent is " + consentOfCase()
                    + " on this case: CONSENT cannot be the legal basis");
        }
        apply(new InformationRequestAnswered(caseId, request.requestId(), request.agency(), command.answeredBy().sub(),
                command.answeredAt(), command.legalBasis(), command.summary(), request.requestedAt(), request.dueBy(),
                request.rag(), !command.answeredAt().isAfter(request.dueBy())));
        return version();
    }

    @CommandHandler
    public long handle(DeclineInformationRequest command, ConflictResolver conflicts) {
        decidedOnThisVersion(conflicts);
        InformationRequest request = openRequestOf(command.requestId(), command.declinedBy().agency());
        if (blank(command.reason())) {
            throw new CaseRuleBroken("reason", "say why your agency will not share");
        }
        apply(new InformationRequestDeclined(caseId, request.requestId(), request.agency(), command.declinedBy().sub(),
                command.declinedAt(), command.reason()));
        return version();
    }

    @CommandHandler
    public long handle(MarkInformationRequestOverdue command) {
        InformationRequest request = requests.get(command.requestId());
        if (request != null && request.open() && !request.overdue() && !command.now().isBefore(request.dueBy())) {
            apply(new InformationRequestOverdue(caseId, reference, request.requestId(), request.agency(), request.dueBy(),
                    command.now()));
        }
        return version();
    }

    /** The request, checked in this order: it exists (404), the caller's agency was asked (403), it is open (409). */
    private InformationRequest openRequestOf(UUID requestId, Agency callersAgency) {
        InformationRequest request = requests.get(requestId);
        if (request == null) {
            throw new NoSuchInformationRequest(requestId);
        }
        if (request.agency() != callersAgency) {
            throw new NotTheAgencyAsked();
        }
        if (!request.open()) {
            throw new CaseConflict("This request was " + request.status().name().toLowerCase() + " already");
        }
        return request;
    }

    /** The opening report's consent, REFUSED once any report says so; a report that said nothing: NOT_SOUGHT. */
    private Consent consentOfCase() {
        return consent == null ? Consent.NOT_SOUGHT : consent;
    }

    /**
     * A change sent with {@code If-Match} on a case that has moved on since is refused as that (412)
     * before the case's rules are applied to a state the screener never saw: a decision that lost a
     * race to another decision is "the case changed", not "say why you supersede it".
     */
    private static void decidedOnThisVersion(ConflictResolver conflicts) {
        conflicts.detectConflicts(eventsSince -> !eventsSince.isEmpty());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    @CommandHandler
    public long handle(RecordDecision command, ConflictResolver conflicts) {
        decidedOnThisVersion(conflicts);
        Set<Route> routes = DecisionPolicy.decide(rag, command.outcome(), subjects, command.routes(),
                command.rationale(), decisionId != null, command.supersedesReason());
        List<Route> ordered = new ArrayList<>(routes.isEmpty() ? EnumSet.noneOf(Route.class) : EnumSet.copyOf(routes));
        apply(new DecisionRecorded(caseId, reference, command.decisionId(), command.outcome(), ordered,
                command.rationale(), command.decidedBy().sub(), command.decidedBy().agency(), command.decidedAt(),
                !command.decidedAt().isAfter(decisionDueBy), decisionId,
                decisionId == null ? null : command.supersedesReason(),
                rag, List.copyOf(concerns), List.copyOf(subjects), List.copyOf(policeReferences)));
        return version();
    }

    @CommandHandler
    public long handle(MarkDecisionOverdue command) {
        if (decisionId == null && !overdue && !command.now().isBefore(decisionDueBy)) {
            apply(new DecisionOverdue(caseId, reference, decisionDueBy, command.now()));
        }
        return version();
    }

    private static long version() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? -1 : version;
    }

    @EventSourcingHandler
    void on(CaseOpened event) {
        caseId = event.caseId();
        reference = event.reference();
        decisionDueBy = event.decisionDueBy();
        rag = event.rag();
        subjects.addAll(event.subjects());
        concerns.addAll(event.concerns());
        reports.add(event.reportId());
        if (event.police() != null) {
            policeReferences.add(event.police());
        }
        consent = event.consent();
    }

    @EventSourcingHandler
    void on(ReportLinked event) {
        if (event.consent() == Consent.REFUSED) {
            consent = Consent.REFUSED;
        }
        reports.add(event.reportId());
        subjects.addAll(event.subjects());
        concerns.addAll(event.concerns());
        if (event.police() != null) {
            policeReferences.add(event.police());
        }
    }

    @EventSourcingHandler
    void on(RiskRated event) {
        rag = event.rag();
        for (RiskRated.InformationRequestDue due : event.informationRequestsDue()) {
            requests.computeIfPresent(due.requestId(), (id, request) -> request.retimed(due.dueBy(), event.rag()));
        }
    }

    @EventSourcingHandler
    void on(InformationRequested event) {
        requests.put(event.requestId(), InformationRequest.asked(event.requestId(), event.agency(), event.requestedAt(),
                event.dueBy(), event.rag()));
    }

    @EventSourcingHandler
    void on(InformationRequestAnswered event) {
        requests.computeIfPresent(event.requestId(), (id, r) -> r.closed(InformationRequest.Status.ANSWERED));
    }

    @EventSourcingHandler
    void on(InformationRequestDeclined event) {
        requests.computeIfPresent(event.requestId(), (id, r) -> r.closed(InformationRequest.Status.DECLINED));
    }

    @EventSourcingHandler
    void on(InformationRequestOverdue event) {
        requests.computeIfPresent(event.requestId(), (id, r) -> r.markedOverdue());
    }

    @EventSourcingHandler
    void on(DecisionRecorded event) {
        decisionId = event.decisionId();
    }

    @EventSourcingHandler
    void on(DecisionOverdue event) {
        overdue = true;
    }
}
