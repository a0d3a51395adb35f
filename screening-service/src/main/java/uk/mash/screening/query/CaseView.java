package uk.mash.screening.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Channel;
import uk.mash.contracts.Concern;
import uk.mash.contracts.Consent;
import uk.mash.contracts.LegalBasis;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.contracts.SubjectRole;
import uk.mash.contracts.events.AgencyInformationAdded;
import uk.mash.contracts.events.CaseOpened;
import uk.mash.contracts.events.DecisionOverdue;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.contracts.events.InformationRequestAnswered;
import uk.mash.contracts.events.InformationRequestDeclined;
import uk.mash.contracts.events.InformationRequestOverdue;
import uk.mash.contracts.events.InformationRequested;
import uk.mash.contracts.events.ReportLinked;
import uk.mash.contracts.events.RiskRated;

/**
 * The case as screeners read it (CONTRACT.md, GET /api/v1/cases/{caseId}), folded from the
 * case's events. {@code version} is the sequence number of the last event folded in.
 */
public class CaseView {

    public static final String AWAITING_DECISION = "AWAITING_DECISION";
    public static final String DECIDED = "DECIDED";

    /** A report of the case; {@code summary} is what it says happened (null for cases opened before it was kept). */
    public record ReportRef(UUID reportId, String reference, Instant receivedAt, Agency agency, Channel channel,
                            String summary) {
    }

    public record SubjectView(UUID subjectId, SubjectRole role, String givenName, String familyName,
                              java.time.LocalDate dateOfBirth) {
    }

    /** What an agency shared; {@code requestId} names the request it answers, null when shared unasked. */
    public record AgencyInformation(Agency agency, String sharedBy, Instant sharedAt, LegalBasis legalBasis,
                                    String summary, UUID requestId) {
    }

    /**
     * A request to another agency and what became of it. {@code rag} is the rating its {@code dueBy} was
     * set by (null: the case was not yet rated, so AMBER's limit). {@code overdue} stays true once the
     * request was open at its due time, even if a later rating moved the due time.
     */
    public static class InformationRequest {
        public static final String OPEN = "OPEN";
        public static final String ANSWERED = "ANSWERED";
        public static final String DECLINED = "DECLINED";

        public UUID requestId;
        public Agency agency;
        public String question;
        public String requestedBy;
        public Agency requestedByAgency;
        public Instant requestedAt;
        public Instant dueBy;
        public Rag rag;
        public String status;
        public boolean overdue;
        public String consentOverride;
        public String answeredBy;
        public Instant answeredAt;
        public String declinedBy;
        public Instant declinedAt;
        public String declineReason;
    }

    public record RiskRating(Rag rag, String rationale, String ratedBy, Instant ratedAt) {
    }

    public record Decision(UUID decisionId, Outcome outcome, List<Route> routes, String rationale, String decidedBy,
                           Instant decidedAt, boolean withinTimescale, UUID supersedes, String supersedesReason) {
    }

    public UUID caseId;
    public String reference;
    public String status;
    public Instant openedAt;
    public Instant decisionDueBy;
    public boolean overdue;
    public Rag rag;
    public boolean reReferral;
    /** The opening report's consent, or REFUSED once any report of the case says so. */
    public Consent consent;
    public List<UUID> previousCaseIds = new ArrayList<>();
    public List<ReportRef> reports = new ArrayList<>();
    public List<SubjectView> subjects = new ArrayList<>();
    public List<Concern> concerns = new ArrayList<>();
    public List<AgencyInformation> agencyInformation = new ArrayList<>();
    public List<RiskRating> riskRatings = new ArrayList<>();
    public List<InformationRequest> informationRequests = new ArrayList<>();
    public Decision decision;
    /** Earlier decisions this case's current decision superseded, oldest first. */
    public List<Decision> supersededDecisions = new ArrayList<>();
    public long version;

    static CaseView opened(CaseOpened e) {
        CaseView view = new CaseView();
        view.caseId = e.caseId();
        view.reference = e.reference();
        view.status = AWAITING_DECISION;
        view.openedAt = e.openedAt();
        view.decisionDueBy = e.decisionDueBy();
        view.rag = e.rag();
        view.reReferral = e.reReferral();
        view.consent = e.consent() == null ? Consent.NOT_SOUGHT : e.consent();
        view.previousCaseIds.addAll(e.previousCaseIds());
        view.reports.add(new ReportRef(e.reportId(), e.reference(), e.reportReceivedAt(), e.agency(), e.channel(),
                e.summary()));
        e.subjects().forEach(view::addSubject);
        e.concerns().forEach(view::addConcern);
        return view;
    }

    void apply(ReportLinked e) {
        if (e.consent() == Consent.REFUSED) {
            consent = Consent.REFUSED;
        }
        reports.add(new ReportRef(e.reportId(), e.reportReference(), e.receivedAt(), e.agency(), e.channel(), e.summary()));
        e.subjects().forEach(this::addSubject);
        e.concerns().forEach(this::addConcern);
    }

    void apply(AgencyInformationAdded e) {
        agencyInformation.add(new AgencyInformation(e.agency(), e.sharedBy(), e.sharedAt(), e.legalBasis(), e.summary(), null));
    }

    void apply(RiskRated e) {
        rag = e.rag();
        riskRatings.add(new RiskRating(e.rag(), e.rationale(), e.ratedBy(), e.ratedAt()));
        for (RiskRated.InformationRequestDue due : e.informationRequestsDue()) {
            request(due.requestId()).ifPresent(r -> {
                r.dueBy = due.dueBy();
                r.rag = e.rag();
            });
        }
    }

    void apply(InformationRequested e) {
        InformationRequest r = new InformationRequest();
        r.requestId = e.requestId();
        r.agency = e.agency();
        r.question = e.question();
        r.requestedBy = e.requestedBy();
        r.requestedByAgency = e.requestedByAgency();
        r.requestedAt = e.requestedAt();
        r.dueBy = e.dueBy();
        r.rag = e.rag();
        r.status = InformationRequest.OPEN;
        r.consentOverride = e.consentOverride();
        informationRequests.add(r);
    }

    void apply(InformationRequestAnswered e) {
        request(e.requestId()).ifPresent(r -> {
            r.status = InformationRequest.ANSWERED;
            r.answeredBy = e.answeredBy();
            r.answeredAt = e.answeredAt();
        });
        agencyInformation.add(new AgencyInformation(e.agency(), e.answeredBy(), e.answeredAt(), e.legalBasis(),
                e.summary(), e.requestId()));
    }

    void apply(InformationRequestDeclined e) {
        request(e.requestId()).ifPresent(r -> {
            r.status = InformationRequest.DECLINED;
            r.declinedBy = e.declinedBy();
            r.declinedAt = e.declinedAt();
            r.declineReason = e.reason();
        });
    }

    void apply(InformationRequestOverdue e) {
        request(e.requestId()).ifPresent(r -> r.overdue = true);
    }

    private java.util.Optional<InformationRequest> request(UUID requestId) {
        return informationRequests.stream().filter(r -> r.requestId.equals(requestId)).findFirst();
    }

    void apply(DecisionRecorded e) {
        if (decision != null) {
            supersededDecisions.add(decision);
        }
        status = DECIDED;
        decision = new Decision(e.decisionId(), e.outcome(), e.routes(), e.rationale(), e.decidedBy(), e.decidedAt(),
                e.withinTimescale(), e.supersedes(), e.supersedesReason());
    }

    void apply(DecisionOverdue e) {
        overdue = true;
    }

    private void addSubject(uk.mash.contracts.Subject s) {
        subjects.add(new SubjectView(s.subjectId(), s.role(), s.givenName(), s.familyName(), s.dateOfBirth()));
    }

    private void addConcern(Concern concern) {
        if (!concerns.contains(concern)) {
            concerns.add(concern);
        }
    }
}
