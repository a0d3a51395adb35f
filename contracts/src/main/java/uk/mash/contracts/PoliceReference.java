package uk.mash.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * What identifies a police notification to the force that sent it: the references police
 * need to find their own record again.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PoliceReference(String notificationId, String force, String occurrenceNumber,
                              PoliceOfficer officer, Instant incidentAt, PoliceRiskGrade riskGrade) {
}
