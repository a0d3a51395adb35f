package uk.mash.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Channel;
import uk.mash.contracts.Concern;
import uk.mash.contracts.Subject;

/** {@code mash.case.report-linked.v1}: a report about someone with an open case joined that case. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportLinked(UUID caseId, UUID reportId, String reportReference, Instant receivedAt, Instant linkedAt,
                           Agency agency, Channel channel, List<Concern> concerns, List<Subject> subjects) {
}
