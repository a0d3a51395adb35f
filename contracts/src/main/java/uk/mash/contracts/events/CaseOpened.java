package uk.mash.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import uk.mash.contracts.Concern;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Subject;

/** {@code mash.case.opened.v1}: a report opened a new case. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseOpened(UUID caseId, String reference, UUID reportId, Instant openedAt, Instant decisionDueBy,
                         List<Subject> subjects, List<Concern> concerns, Rag rag,
                         boolean reReferral, List<UUID> previousCaseIds) {
}
