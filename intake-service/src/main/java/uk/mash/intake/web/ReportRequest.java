package uk.mash.intake.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import uk.mash.contracts.Channel;
import uk.mash.contracts.Concern;
import uk.mash.contracts.Consent;
import uk.mash.intake.web.constraint.NamesPersonAtRisk;

/** {@code POST /api/v1/reports}: a safeguarding report, as CONTRACT.md shows it. */
public record ReportRequest(
        @NotNull @Valid ReferrerRequest referrer,
        @NotNull Channel channel,
        @NotEmpty List<@NotNull Concern> concerns,
        @NotBlank @Size(min = 1, max = 20000) String summary,
        Boolean immediateRisk,
        @PastOrPresent(message = "must not be in the future") LocalDate incidentDate,
        Consent consent,
        @NotEmpty @Size(max = 50) @NamesPersonAtRisk List<@NotNull @Valid SubjectRequest> subjects) {
}
