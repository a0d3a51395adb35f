package uk.mash.audit.replay;

import java.time.Instant;
import java.time.LocalDate;
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

/** The case as screening shows it (CONTRACT.md, GET /api/v1/cases/{caseId}), rebuilt from the log. */
public record CaseAsOf(UUID caseId, String reference, String status, Instant openedAt, Instant decisionDueBy,
                       boolean overdue, Rag rag, boolean reReferral, List<UUID> previousCaseIds,
                       List<Report> reports, List<Subject> subjects, List<Concern> concerns,
                       List<AgencyInformation> agencyInformation, List<RiskRating> riskRatings, Decision decision,
                       long version) {

    public record Report(UUID reportId, String reference, Instant receivedAt, Agency agency, Channel channel) {
    }

    public record Subject(UUID subjectId, SubjectRole role, String givenName, String familyName, LocalDate dateOfBirth) {
    }

    public record AgencyInformation(Agency agency, String sharedBy, Instant sharedAt, LegalBasis legalBasis,
                                    String summary) {
    }

    public record RiskRating(Rag rag, String rationale, String ratedBy, Instant ratedAt) {
    }

    public record Decision(UUID decisionId, Outcome outcome, List<Route> routes, String rationale, String decidedBy,
                           Instant decidedAt, boolean withinTimescale, UUID supersedes) {
    }
}
