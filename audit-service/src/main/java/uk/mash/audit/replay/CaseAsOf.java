package uk.mash.audit.replay;

import java.time.Instant;
import java.time.LocalDate;
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

/** The case as screening shows it (CONTRACT.md, GET /api/v1/cases/{caseId}), rebuilt from the log. */
public record CaseAsOf(UUID caseId, String reference, String status, Instant openedAt, Instant decisionDueBy,
                       boolean overdue, Rag rag, boolean reReferral, List<UUID> previousCaseIds,
                       List<Report> reports, List<Subject> subjects, List<Concern> concerns, Consent consent,
                       List<AgencyInformation> agencyInformation, List<InformationRequest> informationRequests,
                       List<RiskRating> riskRatings, Decision decision, long version) {

    /** A report of the case; {@code summary} is what it says happened, from the report as received. */
    public record Report(UUID reportId, String reference, Instant receivedAt, Agency agency, Channel channel,
                         String summary) {
    }

    public record Subject(UUID subjectId, SubjectRole role, String givenName, String familyName, LocalDate dateOfBirth) {
    }

    /** What an agency shared: unasked ({@code requestId} null) or as the answer to a request. */
    public record AgencyInformation(Agency agency, String sharedBy, Instant sharedAt, LegalBasis legalBasis,
                                    String summary, UUID requestId) {
    }

    /**
     * A request to another agency, in request order.
     *
     * @param dueBy   the due time in force: set when asked, moved by each rating while the request is open
     * @param rag     the rating that due time was set by; null when the case was not yet rated (counted as AMBER)
     * @param status  OPEN, ANSWERED or DECLINED
     * @param overdue once it was still open at its due time; a later rating that moves the due time does not
     *                take it back
     */
    public record InformationRequest(UUID requestId, Agency agency, String question, String requestedBy,
                                     Agency requestedByAgency, Instant requestedAt, Instant dueBy, Rag rag,
                                     String status, boolean overdue, String consentOverride, String answeredBy,
                                     Instant answeredAt, String declinedBy, Instant declinedAt, String declineReason) {
    }

    public record RiskRating(Rag rag, String rationale, String ratedBy, Instant ratedAt) {
    }

    public record Decision(UUID decisionId, Outcome outcome, List<Route> routes, String rationale, String decidedBy,
                           Instant decidedAt, boolean withinTimescale, UUID supersedes) {
    }
}
