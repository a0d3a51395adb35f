package uk.mash.screening.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Channel;
import uk.mash.contracts.Concern;
import uk.mash.contracts.LegalBasis;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.contracts.SubjectRole;
import uk.mash.contracts.events.AgencyInformationAdded;
import uk.mash.contracts.events.CaseOpened;
import uk.mash.contracts.events.DecisionOverdue;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.contracts.events.ReportLinked;
import uk.mash.contracts.events.RiskRated;

/**
 * The case as screeners read it (CONTRACT.md, GET /api/v1/cases/{caseId}), folded from the
 * case's events. {@code version} is the sequence number of the last event folded in.
 */
public class CaseView {

    public static final String AWAITING_DECISION = "AWAITING_DECISION";
    public static final String DECIDED = "DECIDED";

    public record ReportRef(UUID reportId, String reference, Instant receivedAt, Agency agency, Channel channel) {
    }

    public record SubjectView(UUID subjectId, SubjectRole role, String givenName, String familyName,
                              java.time.LocalDate dateOfBirth) {
    }

    public record AgencyInformation(Agency agency, String sharedBy, Instant sharedAt, LegalBasis legalBasis,
                                    String summary) {
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
    public List<UUID> previousCaseIds = new ArrayList<>();
    public List<ReportRef> reports = new ArrayList<>();
    public List<SubjectView> subjects = new ArrayList<>();
    public List<Concern> concerns = new ArrayList<>();
    public List<AgencyInformation> agencyInformation = new ArrayList<>();
    public List<RiskRating> riskRatings = new ArrayList<>();
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
        view.previousCaseIds.addAll(e.previousCaseIds());
        view.reports.add(new ReportRef(e.reportId(), e.reference(), e.reportReceivedAt(), e.agency(), e.channel()));
        e.subjects().forEach(view::addSubject);
        e.concerns().forEach(view::addConcern);
        return view;
    }

    void apply(ReportLinked e) {
        reports.add(new ReportRef(e.reportId(), e.reportReference(), e.receivedAt(), e.agency(), e.channel()));
        e.subjects().forEach(this::addSubject);
        e.concerns().forEach(this::addConcern);
    }

    void apply(AgencyInformationAdded e) {
        agencyInformation.add(new AgencyInformation(e.agency(), e.sharedBy(), e.sharedAt(), e.legalBasis(), e.summary()));
    }

    void apply(RiskRated e) {
        rag = e.rag();
        riskRatings.add(new RiskRating(e.rag(), e.rationale(), e.ratedBy(), e.ratedAt()));
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
