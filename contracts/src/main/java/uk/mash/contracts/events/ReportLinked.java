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
import uk.mash.contracts.Subject;

/**
 * {@code mash.case.report-linked.v1}: a report about someone with an open case joined that case.
 *
 * @param police  the report's police references when it came from a police notification, else null
 * @param consent the report's consent (null in events written before it was carried)
 * @param summary what the report says happened (null in events written before it was carried)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportLinked(UUID caseId, UUID reportId, String reportReference, Instant receivedAt, Instant linkedAt,
                           Agency agency, Channel channel, List<Concern> concerns, List<Subject> subjects,
                           PoliceReference police, Consent consent, String summary) {

    /** A linked report before its summary was carried on the event. */
    public ReportLinked(UUID caseId, UUID reportId, String reportReference, Instant receivedAt, Instant linkedAt,
                        Agency agency, Channel channel, List<Concern> concerns, List<Subject> subjects,
                        PoliceReference police, Consent consent) {
        this(caseId, reportId, reportReference, receivedAt, linkedAt, agency, channel, concerns, subjects, police, consent,
                null);
    }

    /** A linked report before consent was carried on the event. */
    public ReportLinked(UUID caseId, UUID reportId, String reportReference, Instant receivedAt, Instant linkedAt,
                        Agency agency, Channel channel, List<Concern> concerns, List<Subject> subjects,
                        PoliceReference police) {
        this(caseId, reportId, reportReference, receivedAt, linkedAt, agency, channel, concerns, subjects, police, null, null);
    }

    /** A linked report that did not come from the police. */
    public ReportLinked(UUID caseId, UUID reportId, String reportReference, Instant receivedAt, Instant linkedAt,
                        Agency agency, Channel channel, List<Concern> concerns, List<Subject> subjects) {
        this(caseId, reportId, reportReference, receivedAt, linkedAt, agency, channel, concerns, subjects, null, null, null);
    }
}
