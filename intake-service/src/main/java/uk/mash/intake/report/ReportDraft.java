package uk.mash.intake.report;

import java.time.LocalDate;
import java.util.List;
import uk.mash.contracts.Channel;
import uk.mash.contracts.Concern;
import uk.mash.contracts.Consent;
import uk.mash.contracts.PoliceReference;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Referrer;
import uk.mash.contracts.Subject;

/** A valid report before the front door gives it an id, a reference and a time of receipt. */
public record ReportDraft(Referrer referrer, Channel channel, List<Concern> concerns, String summary,
                          boolean immediateRisk, LocalDate incidentDate, Consent consent, List<Subject> subjects,
                          Rag initialRag, PoliceReference police) {
}
