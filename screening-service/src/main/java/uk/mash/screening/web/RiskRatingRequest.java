package uk.mash.screening.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import uk.mash.contracts.Rag;

public record RiskRatingRequest(@NotNull Rag rag, @Size(max = 20000) String rationale) {
}
