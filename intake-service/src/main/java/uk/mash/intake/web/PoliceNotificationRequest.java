package uk.mash.intake.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import uk.mash.contracts.Concern;
import uk.mash.contracts.PoliceRiskGrade;
import uk.mash.intake.web.constraint.NamesPersonAtRisk;

/** {@code POST /api/v1/police/notifications}: a police incident notification (a PPN in Wales). */
public record PoliceNotificationRequest(
        @NotBlank @Size(max = 100) String notificationId,
        @NotBlank @Size(max = 100) String force,
        @Size(max = 100) String occurrenceNumber,
        @Valid OfficerRequest officer,
        @PastOrPresent(message = "must not be in the future") Instant incidentAt,
        @NotNull PoliceRiskGrade riskGrade,
        @NotEmpty List<@NotNull Concern> concerns,
        @NotBlank @Size(min = 1, max = 20000) String summary,
        @NotEmpty @Size(max = 50) @NamesPersonAtRisk List<@NotNull @Valid PersonRequest> persons) {
}
