package uk.mash.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import uk.mash.contracts.Actor;
import uk.mash.contracts.Channel;
import uk.mash.contracts.Concern;
import uk.mash.contracts.Consent;
import uk.mash.contracts.PoliceReference;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Referrer;
import uk.mash.contracts.Subject;

/**
 * {@code mash.report.received.v1} on {@code mash.reports}: a report accepted at the front door.
 *
 * @param submittedBy the caller who submitted it (token sub and agency)
 * @param initialRag  RED when the report says there is immediate risk or police graded it HIGH; otherwise null
 * @param police      the police references when the report came from a police notification; otherwise null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportReceived(UUID reportId, String reference, Instant receivedAt, Actor submittedBy,
                             Referrer referrer, Channel channel, List<Concern> concerns, String summary,
                             boolean immediateRisk, LocalDate incidentDate, Consent consent,
                             List<Subject> subjects, Rag initialRag, PoliceReference police) {
}
