package uk.mash.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Channel;
import uk.mash.contracts.Concern;
import uk.mash.contracts.Consent;
import uk.mash.contracts.PoliceReference;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Subject;

/**
 * {@code mash.case.opened.v1}: a report opened a new case.
 *
 * @param police           the opening report's police references when it came from a police notification, else null
 * @param reportReceivedAt when the opening report was received (the decision clock starts then)
 * @param agency           the opening report's referring agency
 * @param channel          how the opening report arrived
 * @param consent          the opening report's consent (null in events written before it was carried)
 * @param summary          what the opening report says happened (null in events written before it was carried)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseOpened(UUID caseId, String reference, UUID reportId, Instant openedAt, Instant decisionDueBy,
                         List<Subject> subjects, List<Concern> concerns, Rag rag,
                         boolean reReferral, List<UUID> previousCaseIds, PoliceReference police,
                         Instant reportReceivedAt, Agency agency, Channel channel, Consent consent,
                         String summary) {

    /** A case opened before the report's summary was carried on the event. */
    public CaseOpened(UUID caseId, String reference, UUID reportId, Instant openedAt, Instant decisionDueBy,
                      List<Subject> subjects, List<Concern> concerns, Rag rag,
                      boolean reReferral, List<UUID> previousCaseIds, PoliceReference police,
                      Instant reportReceivedAt, Agency agency, Channel channel, Consent consent) {
        this(caseId, reference, reportId, openedAt, decisionDueBy, subjects, concerns, rag, reReferral,
                previousCaseIds, police, reportReceivedAt, agency, channel, consent, null);
    }

    /** A case opened before consent was carried on the event. */
    public CaseOpened(UUID caseId, String reference, UUID reportId, Instant openedAt, Instant decisionDueBy,
                      List<Subject> subjects, List<Concern> concerns, Rag rag,
                      boolean reReferral, List<UUID> previousCaseIds, PoliceReference police,
                      Instant reportReceivedAt, Agency agency, Channel channel) {
        this(caseId, reference, reportId, openedAt, decisionDueBy, subjects, concerns, rag, reReferral,
                previousCaseIds, police, reportReceivedAt, agency, channel, null, null);
    }

    /** A case opened by a report that did not come from the police. */
    public CaseOpened(UUID caseId, String reference, UUID reportId, Instant openedAt, Instant decisionDueBy,
                      List<Subject> subjects, List<Concern> concerns, Rag rag,
                      boolean reReferral, List<UUID> previousCaseIds) {
        this(caseId, reference, reportId, openedAt, decisionDueBy, subjects, concerns, rag, reReferral,
                previousCaseIds, null, null, null, null, null, null);
    }
}
