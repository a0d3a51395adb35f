package uk.mash.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Concern;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.PoliceReference;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.contracts.Subject;

/**
 * {@code mash.case.decision-recorded.v1}: the screening decision. It carries what routing needs
 * to build each queue's referral (subjects, concerns, rating, police references), so routing
 * depends on this one event only.
 *
 * @param supersedes       the decision this one replaces, or null for the first decision
 * @param supersedesReason why it was replaced; required when {@code supersedes} is set
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DecisionRecorded(UUID caseId, String caseReference, UUID decisionId, Outcome outcome, List<Route> routes,
                               String rationale, String decidedBy, Agency agency, Instant decidedAt,
                               boolean withinTimescale, UUID supersedes, String supersedesReason,
                               Rag rag, List<Concern> concerns, List<Subject> subjects,
                               List<PoliceReference> policeReferences) {
}
